/**
 * Places pods without a node. Nodes with a NoSchedule or NoExecute taint the pod does not
 * tolerate are skipped (kind keeps the control-plane taint when it has workers), and so
 * are nodes its nodeSelector does not match; among the rest the one with the fewest pods
 * wins, ties broken at random, which is how the default scheduler's spreading scores play
 * out for identical pods. A pod no node fits stays Pending with a FailedScheduling event.
 * Mirrors k/k pkg/scheduler (TaintToleration and NodeAffinity filters, PodTopologySpread and
 * NodeResourcesBalancedAllocation scores, selectHost's random tie-break, schedule_one.go's
 * handleSchedulingFailure, framework/types.go FitError.Error).
 */
import type { Cluster } from '../cluster';
import type { MessageFormat } from '../events/event-log';
import type { Node, Pod } from '../model/types';
import { openQueue } from './work-queue';

type Taint = { key: string; value?: string; effect: string };
type Toleration = NonNullable<Pod['spec']['tolerations']>[number];

/** k8s.io/api core/v1 toleration.go ToleratesTaint. */
function toleratesTaint(tol: Toleration, t: Taint): boolean {
  if (tol.effect && tol.effect !== t.effect) return false;
  if (tol.key !== undefined && tol.key !== '' && tol.key !== t.key) return false;
  if (tol.operator === 'Exists') return true;
  // Equal (the default): an empty key only goes with Exists.
  return !!tol.key && (tol.value ?? '') === (t.value ?? '');
}

/**
 * The node's taints the filter looks at: its own, and the node lifecycle controller's
 * not-ready NoSchedule taint while it is not ready (pkg/controller/nodelifecycle).
 */
function taintsOf(node: Node): Taint[] {
  const own: Taint[] = node.spec.taints ?? [];
  return node.status.ready ? own : [...own, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }];
}

/**
 * Why a node does not fit the pod, as the first filter plugin that rejects it says (the
 * framework stops at the first failing filter; TaintToleration runs before NodeAffinity in
 * the default profile, pkg/scheduler/apis/config/v1/default_plugins.go); undefined when it fits.
 * Reason strings: plugins/tainttoleration/taint_toleration.go ("node(s) had untolerated taint
 * {%s: %s}", key and value), plugins/nodeaffinity/node_affinity.go ErrReasonPod.
 */
function filterReason(pod: Pod, node: Node): string | undefined {
  const tols: Toleration[] = pod.spec.tolerations ?? [];
  const untolerated = taintsOf(node).find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tols.some((tol) => toleratesTaint(tol, t)));
  if (untolerated) return `node(s) had untolerated taint {${untolerated.key}: ${untolerated.value ?? ''}}`;
  const sel = pod.spec.nodeSelector ?? {};
  if (!Object.entries(sel).every(([k, v]) => node.metadata.labels?.[k] === v)) return "node(s) didn't match Pod's node affinity/selector";
  return undefined;
}

/**
 * FitError.Error (pkg/scheduler/framework/types.go): "0/N nodes are available:", then the
 * histogram of filter reasons as "<count> <reason>" sorted as strings and joined with ", ",
 * each part closed by ".", then the PostFilter (preemption) message. Every reason we model is
 * UnschedulableAndUnresolvable, so DefaultPreemption finds no candidate on any node and says
 * "preemption: 0/N nodes are available: N Preemption is not helpful for scheduling."
 * (plugins/defaultpreemption/default_preemption.go PostFilter, framework/preemption/preemption.go
 * nodesWherePreemptionMightHelp).
 */
export function fitErrorMessage(nodeCount: number, reasons: readonly string[]): string {
  const parts = histogramParts(reasons);
  let msg = `0/${nodeCount} nodes are available:`;
  if (parts.length) msg += ` ${parts.join(', ')}.`;
  // NodeResourcesFit's "Too many pods" is Unschedulable (preemption might help there), but every pod
  // we model has priority 0, none lower than the pending pod's: SelectVictimsOnNode finds no victim
  // (default_preemption.go "No preemption victims found for incoming pod").
  const noVictims = reasons.filter((r) => r === TOO_MANY_PODS).length;
  const preemption = [...Array<string>(noVictims).fill('No preemption victims found for incoming pod'), ...Array<string>(nodeCount - noVictims).fill('Preemption is not helpful for scheduling')];
  return `${msg} preemption: 0/${nodeCount} nodes are available: ${histogramParts(preemption).join(', ')}.`;
}

function histogramParts(reasons: readonly string[]): string[] {
  const histogram = new Map<string, number>();
  for (const r of reasons) histogram.set(r, (histogram.get(r) ?? 0) + 1);
  return [...histogram].map(([r, n]) => `${n} ${r}`).sort();
}

/**
 * The kubelet's default maxPods (pkg/kubelet/apis/config/v1beta1/defaults.go SetDefaults_KubeletConfiguration:
 * MaxPods 110; kind leaves it so), the node's allocatable "pods"; NodeResourcesFit refuses a node whose pods
 * would pass it (plugins/noderesources/fit.go fitsRequest: len(nodeInfo.Pods)+1 > allowedPodNumber).
 */
export const MAX_PODS_PER_NODE = 110;
export const TOO_MANY_PODS = 'Too many pods';

/** Pods with the same tolerations and node selector fit the same nodes (pods of one ReplicaSet share them). */
interface FeasibleGroup {
  nodes: Node[];
  /** Each node's filter reason (TaintToleration, NodeAffinity), undefined where it passes. */
  reasons: (string | undefined)[];
  /** The nodes holding the fewest pods, in name order; null when a load changed elsewhere. */
  best: Node[] | null;
  least: number;
  /** Why no node fits, when none does. */
  failure?: string;
}

/**
 * The FailedScheduling message last recorded for a pod (the object itself: an update that
 * replaces it is a new attempt). Deliberate simplification: upstream retries an unschedulable
 * pod with back-off on every relevant cluster change and at least every 5 minutes
 * (scheduling_queue.go podMaxInUnschedulablePodsDuration), recording FailedScheduling each
 * time through the events.k8s.io recorder, whose series count reaches the API server only in
 * steps (client-go tools/events: at the second occurrence, then every 30 minutes). We record
 * an attempt's outcome once, again only when it reads differently or the pod was rewritten
 * (then the log counts the repeat), so a Pending pod costs nothing while the clock runs.
 */
const lastFailure = new WeakMap<Pod, { message: string; at: number }>();

/**
 * Why the scheduler last failed to place this pod and when, while it has no node: the
 * PodScheduled=False condition (reason Unschedulable) that handleSchedulingFailure writes
 * into the pod's status. Kept beside the pod, not written through the API, so that it wakes
 * no controller.
 */
export function schedulingFailure(pod: Pod): { message: string; at: number } | undefined {
  return pod.spec.nodeName ? undefined : lastFailure.get(pod);
}

const READER = 'scheduler';

/** Runs when a pod waiting for a node was written, or a node was (one may now fit). */
/** The scheduler reports through events.k8s.io (no host, no count). */
const SCHEDULER = { component: 'default-scheduler' };
const assigned: MessageFormat = (node, _, pod) => `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`;
const asIs: MessageFormat = (msg) => msg;

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
  // Every pod bound to the node counts against its maxPods until it is gone or has finished (the scheduler's cache).
  const held = new Map<string, number>(nodes.map((n) => [n.metadata.name, 0]));
  for (const p of cluster.store.list('Pod')) {
    if (p.spec.nodeName && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed') held.set(p.spec.nodeName, (held.get(p.spec.nodeName) ?? 0) + 1);
  }
  const full = (n: Node) => (held.get(n.metadata.name) ?? 0) >= MAX_PODS_PER_NODE;
  const groups = new Map<string, FeasibleGroup>();
  let changed = false;
  for (const pod of pending) {
    const key = pod.spec.tolerations || pod.spec.nodeSelector ? JSON.stringify([pod.spec.tolerations, pod.spec.nodeSelector]) : '';
    let group = groups.get(key);
    if (!group) {
      const reasons = nodes.map((n) => filterReason(pod, n));
      group = { nodes: nodes.filter((_, i) => reasons[i] === undefined), reasons, best: null, least: 0 };
      // schedule_one.go schedulePod: with no nodes at all it fails before filtering (ErrNoNodesAvailable).
      if (group.nodes.length === 0) group.failure = nodes.length === 0 ? 'no nodes available to schedule pods' : fitErrorMessage(nodes.length, reasons as string[]);
      groups.set(key, group);
    }
    if (group.failure === undefined && group.nodes.every(full)) {
      // NodeResourcesFit runs after TaintToleration and NodeAffinity: the nodes they let through are full.
      group.failure = fitErrorMessage(nodes.length, group.reasons.map((r) => r ?? TOO_MANY_PODS));
    }
    if (group.failure !== undefined) {
      if (lastFailure.get(pod)?.message !== group.failure) {
        lastFailure.set(pod, { message: group.failure, at: cluster.clock.now() });
        cluster.event({ subject: pod, type: 'Warning', reason: 'FailedScheduling', format: asIs, a: group.failure, source: SCHEDULER });
      }
      continue;
    }
    if (!group.best || group.best.length === 0) {
      const open = group.nodes.filter((n) => !full(n));
      group.least = Infinity;
      for (const n of open) group.least = Math.min(group.least, loadOf(n));
      group.best = open.filter((n) => loadOf(n) === group!.least);
    }
    const i = cluster.rng.int(group.best.length);
    const chosen = group.best[i]!;
    // The chosen node now holds one pod more than the least: it leaves this group's best.
    group.best.splice(i, 1);
    for (const other of groups.values()) if (other !== group) other.best = null;
    pod.spec.nodeName = chosen.metadata.name;
    load.set(chosen.metadata.name, group.least + 1);
    held.set(chosen.metadata.name, (held.get(chosen.metadata.name) ?? 0) + 1);
    cluster.update(pod);
    cluster.event({ subject: pod, type: 'Normal', reason: 'Scheduled', format: assigned, a: chosen.metadata.name, source: SCHEDULER, once: true });
    changed = true;
  }
  return changed;
}
