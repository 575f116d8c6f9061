/**
 * StatefulSet -> Pods: pods named <set>-<ordinal> with hostname = pod name and subdomain =
 * spec.serviceName (so the headless Service's endpoints carry a hostname and CoreDNS answers
 * web-0.nginx.default.svc.cluster.local), labeled statefulset.kubernetes.io/pod-name,
 * apps.kubernetes.io/pod-index and controller-revision-hash. OrderedReady creates ordinal N only
 * once 0..N-1 are Running and Ready, and removes the highest ordinal first, one at a time, waiting
 * for a terminating pod to be gone; Parallel creates and removes them all at once. A template change
 * (RollingUpdate) replaces pods from the highest ordinal down, one at a time, each once the others
 * are Running and Ready. volumeClaimTemplates give each pod a volume naming the claim <template>-<pod>
 * (no PersistentVolumeClaims are made: storage is out of the simulator's scope).
 * Mirrors k/k pkg/controller/statefulset (stateful_set_control.go updateStatefulSet, stateful_set_utils.go
 * newVersionedStatefulSetPod, initIdentity, updateStorage, getPodRevision) and its events
 * ("create Pod web-0 in StatefulSet web successful").
 */
import type { Cluster } from '../cluster';
import type { Pod, StatefulSet, Volume } from '../model/types';
import { ownerRef } from './deployment';
import { byControllerUid } from './indexes';
import { podTemplateHash } from './hash';
import { podRoom } from '../limits';
import { openQueue } from './work-queue';

const READER = 'statefulset-controller';
const SOURCE = { component: 'statefulset-controller' };
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

/** The ControllerRevision name the pods carry: <set>-<hash of the template>. */
export function revisionOf(sts: StatefulSet): string {
  return `${sts.metadata.name}-${podTemplateHash(sts.spec.template)}`;
}

const ordinalOf = (sts: StatefulSet, pod: Pod): number | undefined => {
  const m = /^(.*)-(\d+)$/.exec(pod.metadata.name);
  return m && m[1] === sts.metadata.name ? Number(m[2]) : undefined;
};
const runningAndReady = (p: Pod) => p.status.phase === 'Running' && p.status.ready && p.metadata.deletionTimestamp === undefined;
/** isRunningAndAvailable: Running and Ready for at least minReadySeconds (the Ready condition's lastTransitionTime). */
const available = (p: Pod, minReadySeconds: number, now: number) => runningAndReady(p) && (minReadySeconds <= 0 || (p.status.readyAt ?? now) + minReadySeconds <= now);
/** A set whose pods may become available as time passes: the controller looks again (its durationStore requeue). */
const awaitsAvailability = (sts: StatefulSet) => (sts.spec.minReadySeconds ?? 0) > 0 && (sts.status.availableReplicas < sts.status.readyReplicas || sts.status.replicas < sts.spec.replicas);
const terminating = (p: Pod) => p.metadata.deletionTimestamp !== undefined;

/**
 * The next moment after `now` at which a set can make progress with no write to wake it: one of its
 * terminating pods goes away (OrderedReady then condemns the next ordinal), or a Ready pod becomes
 * Available after minReadySeconds (the controller's durationStore requeue). Simulation.advance stops
 * there, so one long `sleep` walks the chain as a running controller would.
 */
export function statefulSetWakeAt(cluster: Cluster): number | undefined {
  const now = cluster.clock.now();
  let next: number | undefined;
  const consider = (t: number | undefined) => {
    if (t !== undefined && t > now && (next === undefined || t < next)) next = t;
  };
  const sets = cluster.store.list('StatefulSet');
  if (sets.length === 0) return undefined;
  const byOwner = byControllerUid(cluster.store.list('Pod'));
  for (const sts of sets) {
    const min = sts.spec.minReadySeconds ?? 0;
    for (const p of byOwner.get(sts.metadata.uid) ?? []) {
      if (terminating(p)) consider(p.status.terminatesAt);
      else if (min > 0 && runningAndReady(p)) consider((p.status.readyAt ?? now) + min);
    }
  }
  return next;
}

export function reconcileStatefulSets(cluster: Cluster): boolean {
  const queue = openQueue(cluster, READER);
  queue.addWithOwnersOf('StatefulSet', 'Pod');
  for (const sts of cluster.store.list('StatefulSet')) if (awaitsAvailability(sts)) queue.addObject(sts);
  const sets = queue.objects(cluster, 'StatefulSet');
  let changed = false;
  if (sets.length > 0) {
    const byOwner = byControllerUid(cluster.store.list('Pod'));
    for (const sts of sets) changed = syncStatefulSet(cluster, sts, byOwner.get(sts.metadata.uid) ?? []) || changed;
  }
  cluster.journal.caughtUp(READER);
  return changed;
}

function syncStatefulSet(cluster: Cluster, sts: StatefulSet, owned: Pod[]): boolean {
  const live = owned.filter((p) => cluster.store.get('Pod', p.metadata.namespace, p.metadata.name) === p);
  const revision = revisionOf(sts);
  const byOrdinal = new Map<number, Pod>();
  for (const p of live) {
    const o = ordinalOf(sts, p);
    if (o !== undefined) byOrdinal.set(o, p);
  }
  const ordered = sts.spec.podManagementPolicy !== 'Parallel';
  let changed = false;
  if (sts.metadata.deletionTimestamp === undefined) changed = manage(cluster, sts, byOrdinal, revision, ordered);
  return updateStatus(cluster, sts, [...byOrdinal.values()].filter((p) => cluster.store.get('Pod', p.metadata.namespace, p.metadata.name) === p), revision) || changed;
}

/** One pass of updateStatefulSet: create the missing ordinals, condemn those past replicas, roll the template. */
function manage(cluster: Cluster, sts: StatefulSet, byOrdinal: Map<number, Pod>, revision: string, ordered: boolean): boolean {
  let changed = false;
  const replicas = sts.spec.replicas;
  // getStartOrdinal/getEndOrdinal: spec.ordinals.start (default 0) up to start+replicas-1.
  const start = sts.spec.ordinals?.start ?? 0;
  const end = start + replicas;
  // Creation, lowest ordinal first; OrderedReady waits on any predecessor not Running and Ready.
  for (let i = start; i < end; i++) {
    const pod = byOrdinal.get(i);
    if (!pod) {
      if (podRoom(cluster) <= 0) return changed;
      const created = cluster.create(newPod(cluster, sts, i, revision));
      byOrdinal.set(i, created);
      cluster.event({ subject: sts, type: 'Normal', reason: 'SuccessfulCreate', format: (n: string) => `create Pod ${n} in StatefulSet ${sts.metadata.name} successful`, a: created.metadata.name, source: SOURCE });
      changed = true;
      if (ordered) return changed;
      continue;
    }
    // processReplica: a predecessor must be Running and Ready, then Available (minReadySeconds).
    if (ordered && !available(pod, sts.spec.minReadySeconds ?? 0, cluster.clock.now())) return changed;
  }
  // Condemned pods (ordinal >= replicas), highest first; OrderedReady one at a time, after the rest are healthy.
  const condemned = [...byOrdinal.keys()].filter((o) => o < start || o >= end).sort((a, b) => b - a);
  if (condemned.length) {
    if (ordered) {
      if ([...byOrdinal.values()].some(terminating)) return changed;
      const first = condemned[0]!;
      // Its predecessors must all be Running and Ready before it goes.
      if (![...byOrdinal.entries()].every(([o, p]) => o === first || runningAndReady(p))) return changed;
      deletePod(cluster, sts, byOrdinal.get(first)!);
      return true;
    }
    for (const o of condemned) {
      const p = byOrdinal.get(o)!;
      if (!terminating(p)) {
        deletePod(cluster, sts, p);
        changed = true;
      }
    }
    return changed;
  }
  // RollingUpdate: the highest ordinal not at the update revision, once every pod is Running and Ready.
  if (sts.spec.updateStrategy.type === 'RollingUpdate') {
    const pods = [...byOrdinal.entries()].sort((a, b) => b[0] - a[0]);
    if (pods.some(([, p]) => terminating(p))) return changed;
    const partition = sts.spec.updateStrategy.rollingUpdate.partition;
    const stale = pods.find(([o, p]) => o >= partition && p.metadata.labels?.[REVISION_LABEL] !== revision);
    if (stale && pods.every(([, p]) => runningAndReady(p))) {
      deletePod(cluster, sts, stale[1]);
      changed = true;
    }
  }
  return changed;
}

function deletePod(cluster: Cluster, sts: StatefulSet, pod: Pod): void {
  cluster.deletePod(pod);
  cluster.event({ subject: sts, type: 'Normal', reason: 'SuccessfulDelete', format: (n: string) => `delete Pod ${n} in StatefulSet ${sts.metadata.name} successful`, a: pod.metadata.name, source: SOURCE });
}

/** newVersionedStatefulSetPod: the template's pod with the set's identity and storage. */
function newPod(cluster: Cluster, sts: StatefulSet, ordinal: number, revision: string): Pod {
  const name = `${sts.metadata.name}-${ordinal}`;
  const claims = (sts.spec.volumeClaimTemplates ?? []).map((c) => String((c.metadata as { name?: unknown } | undefined)?.name ?? ''));
  const own = (sts.spec.template.spec.volumes ?? []).filter((v) => !claims.includes(v.name));
  const volumes: Volume[] = [...claims.map((claim) => ({ name: claim, persistentVolumeClaim: { claimName: `${claim}-${name}` } })), ...own];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    // GetPodFromTemplate (controller_utils.go) sets GenerateName "<set>-"; the ordinal name is set after it.
    metadata: cluster.newMeta(name, sts.metadata.namespace, {
      generateName: `${sts.metadata.name}-`,
      labels: { ...(sts.spec.template.metadata.labels ?? {}), [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revision, [POD_NAME_LABEL]: name },
      ...(sts.spec.template.metadata.annotations ? { annotations: { ...sts.spec.template.metadata.annotations } } : {}),
      ownerReferences: [ownerRef(sts)],
    }),
    spec: { ...sts.spec.template.spec, hostname: name, subdomain: sts.spec.serviceName, ...(volumes.length ? { volumes } : {}) },
    status: { phase: 'Pending', ready: false },
  };
}

function updateStatus(cluster: Cluster, sts: StatefulSet, pods: Pod[], revision: string): boolean {
  const counted = pods.filter((p) => !terminating(p));
  const ready = counted.filter((p) => p.status.ready).length;
  const now = cluster.clock.now();
  const availableCount = counted.filter((p) => available(p, sts.spec.minReadySeconds ?? 0, now)).length;
  const updated = counted.filter((p) => p.metadata.labels?.[REVISION_LABEL] === revision).length;
  const current = sts.status.currentRevision && updated < counted.length ? sts.status.currentRevision : revision;
  const next = {
    replicas: counted.length,
    readyReplicas: ready,
    currentReplicas: current === revision ? updated : counted.length - updated,
    updatedReplicas: updated,
    availableReplicas: availableCount,
    currentRevision: current,
    updateRevision: revision,
    observedGeneration: sts.metadata.generation ?? 1,
    collisionCount: 0,
  };
  if (JSON.stringify(next) === JSON.stringify(sts.status)) return false;
  sts.status = next;
  cluster.update(sts);
  return true;
}
