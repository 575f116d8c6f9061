/**
 * Indexes the controllers build once per pass, so that no controller scans
 * every pod for every Service or ReplicaSet (the informers' indexers upstream).
 */
import { matchesLabels } from '../model/labels';
import type { ObjectStore } from '../model/store';
import type { KubeObject, Labels, Pod } from '../model/types';

/** Objects of a kind grouped by the uid of their controlling owner. */
export function byControllerUid<T extends KubeObject>(objects: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const o of objects) {
    const ref = o.metadata.ownerReferences?.find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];
    if (!ref) continue;
    const list = out.get(ref.uid);
    if (list) list.push(o);
    else out.set(ref.uid, [o]);
  }
  return out;
}

/** Pods by namespace and by each "key=value" label they carry. */
export class PodLabelIndex {
  private readonly index = new Map<string, Pod[]>();

  constructor(store: ObjectStore) {
    for (const pod of store.list('Pod')) {
      const labels = pod.metadata.labels;
      if (!labels) continue;
      for (const k in labels) {
        const key = `${pod.metadata.namespace}\u0000${k}=${labels[k]}`;
        const list = this.index.get(key);
        if (list) list.push(pod);
        else this.index.set(key, [pod]);
      }
    }
  }

  /** Pods of the namespace matching every pair of the selector, in name order. */
  select(namespace: string, selector: Labels): Pod[] {
    let smallest: Pod[] | undefined;
    for (const k in selector) {
      const list = this.index.get(`${namespace}\u0000${k}=${selector[k]}`);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    if (!smallest) return [];
    return smallest.filter((p) => matchesLabels(selector, p.metadata.labels));
  }
}
