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
import type { MessageFormat } from '../events/event-log';
import type { Node, Pod } from '../model/types';
import { openQueue } from './work-queue';

function tolerates(pod: Pod, node: Node): boolean {
  return (node.spec.taints ?? []).every(
    (t) => t.effect !== 'NoSchedule' || (pod.spec.tolerations ?? []).some((tol) => tol.operator === 'Exists' && (!tol.key || tol.key === t.key)),
  );
}

function fitsSelector(pod: Pod, node: Node): boolean {
  const sel = pod.spec.nodeSelector ?? {};
  return Object.entries(sel).every(([k, v]) => node.metadata.labels?.[k] === v);
}

/** Pods with the same tolerations and node selector fit the same nodes (pods of one ReplicaSet share them). */
interface FeasibleGroup {
  nodes: Node[];
  /** The nodes holding the fewest pods, in name order; null when a load changed elsewhere. */
  best: Node[] | null;
  least: number;
}

const READER = 'scheduler';

/** Runs when a pod waiting for a node was written, or a node was (one may now fit). */
/** The scheduler reports through events.k8s.io (no host, no count). */
const SCHEDULER = { component: 'default-scheduler' };
const assigned: MessageFormat = (node, _, pod) => `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`;

export function reconcileScheduling(cluster: Cluster): boolean {
  const queue = openQueue(cluster, READER);
  const wakes = queue.all || queue.changes.some((o) => o.kind === 'Node' || (o.kind === 'Pod' && !o.spec.nodeName));
  const changed = wakes && schedulePending(cluster);
  cluster.journal.caughtUp(READER);
  return changed;
}

function schedulePending(cluster: Cluster): boolean {
  const pending = cluster.store.list('Pod').filter((p) => !p.spec.nodeName && p.metadata.deletionTimestamp === undefined);
  if (pending.length === 0) return false;
  const nodes = cluster.store.list('Node');
  const load = new Map<string, number>(nodes.map((n) => [n.metadata.name, 0]));
  for (const p of cluster.store.list('Pod')) {
    if (p.spec.nodeName && !p.spec.hostNetwork) load.set(p.spec.nodeName, (load.get(p.spec.nodeName) ?? 0) + 1);
  }
  const loadOf = (n: Node) => load.get(n.metadata.name) ?? 0;
  const groups = new Map<string, FeasibleGroup>();
  let changed = false;
  for (const pod of pending) {
    const key = pod.spec.tolerations || pod.spec.nodeSelector ? JSON.stringify([pod.spec.tolerations, pod.spec.nodeSelector]) : '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { nodes: nodes.filter((n) => n.status.ready && tolerates(pod, n) && fitsSelector(pod, n)), best: null, least: 0 }));
    if (group.nodes.length === 0) continue;
    if (!group.best || group.best.length === 0) {
      group.least = Infinity;
      for (const n of group.nodes) group.least = Math.min(group.least, loadOf(n));
      group.best = group.nodes.filter((n) => loadOf(n) === group!.least);
    }
    const i = cluster.rng.int(group.best.length);
    const chosen = group.best[i]!;
    // The chosen node now holds one pod more than the least: it leaves this group's best.
    group.best.splice(i, 1);
    for (const other of groups.values()) if (other !== group) other.best = null;
    pod.spec.nodeName = chosen.metadata.name;
    load.set(chosen.metadata.name, group.least + 1);
    cluster.update(pod);
    cluster.event({ subject: pod, type: 'Normal', reason: 'Scheduled', format: assigned, a: chosen.metadata.name, source: SCHEDULER, once: true });
    changed = true;
  }
  return changed;
}
