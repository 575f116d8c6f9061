/**
 * The API server's storage: objects by kind and namespace/name. Listing is
 * always in namespace/name order so that everything built from it is
 * deterministic.
 */
import type { Kind, KubeObject } from './types';

export type ObjectOf<K extends Kind> = Extract<KubeObject, { kind: K }>;

const CLUSTER_SCOPED: ReadonlySet<Kind> = new Set<Kind>(['Node', 'Namespace']);

export function isClusterScoped(kind: Kind): boolean {
  return CLUSTER_SCOPED.has(kind);
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export class ObjectStore {
  private readonly byKind = new Map<Kind, Map<string, KubeObject>>();
  private sortedCache = new Map<Kind, KubeObject[]>();

  get<K extends Kind>(kind: K, namespace: string | undefined, name: string): ObjectOf<K> | undefined {
    return this.byKind.get(kind)?.get(objectKey(namespace, name)) as ObjectOf<K> | undefined;
  }

  /** All objects of a kind, optionally in one namespace, sorted by namespace/name. */
  list<K extends Kind>(kind: K, namespace?: string): ObjectOf<K>[] {
    let all = this.sortedCache.get(kind) as ObjectOf<K>[] | undefined;
    if (!all) {
      const map = this.byKind.get(kind);
      const entries = map ? [...map.entries()] : [];
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      all = entries.map((e) => e[1]) as ObjectOf<K>[];
      this.sortedCache.set(kind, all);
    }
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  put(obj: KubeObject): void {
    let map = this.byKind.get(obj.kind);
    if (!map) {
      map = new Map();
      this.byKind.set(obj.kind, map);
    }
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    if (!map.has(key)) this.sortedCache.delete(obj.kind);
    else this.sortedCache.delete(obj.kind);
    map.set(key, obj);
  }

  remove(kind: Kind, namespace: string | undefined, name: string): KubeObject | undefined {
    const map = this.byKind.get(kind);
    const key = objectKey(namespace, name);
    const obj = map?.get(key);
    if (obj) {
      map!.delete(key);
      this.sortedCache.delete(kind);
    }
    return obj;
  }
}
