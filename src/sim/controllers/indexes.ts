/**
 * Indexes the controllers build once per pass, so that no controller scans
 * every pod for every Service or ReplicaSet (the informers' indexers upstream).
 */
import { matchesLabels } from '../model/labels';
import type { Cluster } from '../cluster';
import type { ObjectStore } from '../model/store';
import type { KubeObject, Labels, OwnerReference, Pod } from '../model/types';

/** The owner reference marked controller (the first one when none is). */
export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  return refs?.find((r) => r.controller) ?? refs?.[0];
}

/** Objects of a kind grouped by the uid of their controlling owner. */
export function byControllerUid<T extends KubeObject>(objects: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const o of objects) {
    const ref = controllerRef(o);
    if (!ref) continue;
    const list = out.get(ref.uid);
    if (list) list.push(o);
    else out.set(ref.uid, [o]);
  }
  return out;
}

/** Items by namespace, then by each key=value pair they carry (nested maps: no key text is built). */
export type PairIndex<T> = Map<string, Map<string, Map<string, T[]>>>;

/** Files `item` under each of the pairs, in its namespace. */
export function addToPairIndex<T>(index: PairIndex<T>, namespace: string, pairs: Labels, item: T): void {
  let byKey = index.get(namespace);
  if (!byKey) index.set(namespace, (byKey = new Map()));
  for (const k in pairs) {
    let byValue = byKey.get(k);
    if (!byValue) byKey.set(k, (byValue = new Map()));
    const list = byValue.get(pairs[k]!);
    if (list) list.push(item);
    else byValue.set(pairs[k]!, [item]);
  }
}

/** Pods by namespace, label key and label value. */
export class PodLabelIndex {
  private readonly index: PairIndex<Pod> = new Map();

  constructor(store: ObjectStore) {
    for (const pod of store.list('Pod')) {
      if (pod.metadata.labels) addToPairIndex(this.index, pod.metadata.namespace ?? '', pod.metadata.labels, pod);
    }
  }

  /** Pods of the namespace matching every pair of the selector, in name order. */
  select(namespace: string, selector: Labels): Pod[] {
    const byKey = this.index.get(namespace);
    let smallest: Pod[] | undefined;
    for (const k in selector) {
      const list = byKey?.get(k)?.get(selector[k]!);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    if (!smallest) return [];
    return smallest.filter((p) => matchesLabels(selector, p.metadata.labels));
  }
}

const podIndexes = new WeakMap<Cluster, { generation: number; index: PodLabelIndex }>();

/** The pod label index, rebuilt only when some pod has changed since it was built. */
export function podLabelIndex(cluster: Cluster): PodLabelIndex {
  const cached = podIndexes.get(cluster);
  if (cached && cached.generation === cluster.podGeneration) return cached.index;
  const index = new PodLabelIndex(cluster.store);
  podIndexes.set(cluster, { generation: cluster.podGeneration, index });
  return index;
}
