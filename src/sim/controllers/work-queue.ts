/**
 * A controller's work queue, filled from the cluster's journal: the keys ("ns/name")
 * of the objects it must sync, from what was written since its last pass. The first
 * pass syncs everything. Objects are synced in the store's order (namespace, name), so
 * a pass makes the same random draws whichever way its keys arrived.
 */
import type { Cluster } from '../cluster';
import type { ObjectOf } from '../model/store';
import type { Kind, KubeObject } from '../model/types';
import { controllerRef } from './indexes';

export function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

export class WorkQueue {
  private readonly keys = new Set<string>();
  private readonly queuedObjects = new Set<KubeObject>();
  private readonly uids = new Set<string>();
  /** Everything must be synced: the controller's first pass. */
  readonly all: boolean;
  /** What was written since the last pass (none listed when `all`). */
  readonly changes: readonly KubeObject[];

  constructor(changes: readonly KubeObject[] | 'all') {
    this.all = changes === 'all';
    this.changes = changes === 'all' ? [] : changes;
  }

  /** Queues an object by its key ("ns/name"): it may be gone, or another object may stand for it. */
  add(key: string): void {
    this.keys.add(key);
  }

  /** Queues an object itself (cheaper than by key when the caller holds it). */
  addObject(obj: KubeObject): void {
    this.queuedObjects.add(obj);
  }

  get empty(): boolean {
    return !this.all && this.keys.size === 0 && this.queuedObjects.size === 0 && this.uids.size === 0;
  }

  /** The queued objects of a kind that still exist, in the store's order. */
  objects<K extends Kind>(cluster: Cluster, kind: K): ObjectOf<K>[] {
    if (this.all) return cluster.store.list(kind);
    if (this.empty) return [];
    const byKey = this.keys.size > 0;
    return cluster.store.list(kind).filter((o) => this.queuedObjects.has(o) || this.uids.has(o.metadata.uid) || (byKey && this.keys.has(keyOf(o))));
  }

  /** Queues the written objects of `kind`, and the `kind` owners (by controller reference) of written `dependents`. */
  addWithOwnersOf(kind: Kind, dependents: Kind): void {
    for (const o of this.changes) {
      if (o.kind === kind) this.queuedObjects.add(o);
      else if (o.kind === dependents) {
        const ref = controllerRef(o);
        if (ref?.kind === kind) this.uids.add(ref.uid);
      }
    }
  }

  /** Queues an object by its uid. */
  addUid(uid: string): void {
    this.uids.add(uid);
  }

  /** Whether this key was queued by key (a Service that may have gone, for its slices). */
  hasKey(key: string): boolean {
    return this.keys.has(key);
  }
}

/** Opens the reader's queue: what changed since its last pass, or everything on its first. */
export function openQueue(cluster: Cluster, reader: string): WorkQueue {
  return new WorkQueue(cluster.journal.since(reader));
}
