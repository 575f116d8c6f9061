/**
 * Places pods without a node. Nodes with a NoSchedule taint the pod does not
 * tolerate are skipped (kind keeps the control-plane taint when it has
 * workers); among the rest the one with the fewest pods wins, ties broken at
 * random, which is how the default scheduler's spreading scores play out for
 * identical pods.
 * Mirrors k/k pkg/scheduler (TaintToleration filter, PodTopologySpread and
 * NodeResourcesBalancedAllocation scores, selectHost's random tie-break).
 */
import type { Cluster } from '../cluster';
import type { Node, Pod } from '../model/types';

function tolerates(pod: Pod, node: Node): boolean {
  return (node.spec.taints ?? []).every(
    (t) => t.effect !== 'NoSchedule' || (pod.spec.tolerations ?? []).some((tol) => tol.operator === 'Exists' && (!tol.key || tol.key === t.key)),
  );
}

function fitsSelector(pod: Pod, node: Node): boolean {
  const sel = pod.spec.nodeSelector ?? {};
  return Object.entries(sel).every(([k, v]) => node.metadata.labels?.[k] === v);
}

export function reconcileScheduling(cluster: Cluster): boolean {
  const pending = cluster.store.list('Pod').filter((p) => !p.spec.nodeName && p.metadata.deletionTimestamp === undefined);
  if (pending.length === 0) return false;
  const nodes = cluster.store.list('Node');
  const load = new Map<string, number>(nodes.map((n) => [n.metadata.name, 0]));
  for (const p of cluster.store.list('Pod')) {
    if (p.spec.nodeName && !p.spec.hostNetwork) load.set(p.spec.nodeName, (load.get(p.spec.nodeName) ?? 0) + 1);
  }
  let changed = false;
  // Pods with the same tolerations and node selector fit the same nodes (pods of one ReplicaSet share them).
  const feasibleBy = new Map<string, Node[]>();
  for (const pod of pending) {
    const key = pod.spec.tolerations || pod.spec.nodeSelector ? JSON.stringify([pod.spec.tolerations, pod.spec.nodeSelector]) : '';
    let feasible = feasibleBy.get(key);
    if (!feasible) feasibleBy.set(key, (feasible = nodes.filter((n) => n.status.ready && tolerates(pod, n) && fitsSelector(pod, n))));
    if (feasible.length === 0) continue;
    let least = Infinity;
    for (const n of feasible) least = Math.min(least, load.get(n.metadata.name) ?? 0);
    const best = feasible.filter((n) => (load.get(n.metadata.name) ?? 0) === least);
    const chosen = best[cluster.rng.int(best.length)]!;
    pod.spec.nodeName = chosen.metadata.name;
    load.set(chosen.metadata.name, least + 1);
    cluster.update(pod);
    changed = true;
  }
  return changed;
}
