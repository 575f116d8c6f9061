/**
 * ReplicaSet -> Pods: creates pods named <rs>-<5 random characters> until the
 * count matches, and removes the least settled pods first when scaling down.
 * Before counting it claims its pods (k/k pkg/controller/controller_ref_manager.go
 * ClaimPods): a pod it controls whose labels no longer match its selector is released
 * (its controller reference removed, ReleasePod) and replaced; an active orphan that
 * matches is adopted (AdoptPod).
 * Mirrors k/k pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas,
 * getPodsToDelete) and the API server's generateName.
 */
import type { Cluster } from '../cluster';
import type { Pod, ReplicaSet } from '../model/types';
import { ownerRef } from './deployment';
import { byControllerUid } from './indexes';
import { MAX_PODS, podLimitNote, podRoom } from '../limits';
import { matchesSelector } from '../model/labels';
import { openQueue } from './work-queue';

const READER = 'replicaset-controller';
const SOURCE = { component: 'replicaset-controller' };
const createdPod = (name: string) => `Created pod: ${name}`;
const deletedPod = (name: string) => `Deleted pod: ${name}`;

/** Syncs the ReplicaSets written since the last pass, and those whose pods were. */
export function reconcileReplicaSets(cluster: Cluster): boolean {
  const queue = openQueue(cluster, READER);
  queue.addWithOwnersOf('ReplicaSet', 'Pod');
  // updatePod / addPod: an orphan that changed may now match a ReplicaSet that would adopt it.
  for (const o of queue.changes) {
    if (o.kind !== 'Pod' || hasController(o) || !isActive(o)) continue;
    for (const rs of cluster.store.list('ReplicaSet', o.metadata.namespace)) if (matchesSelector(rs.spec.selector, o.metadata.labels)) queue.addObject(rs);
  }
  let changed = false;
  const replicaSets = queue.objects(cluster, 'ReplicaSet');
  if (replicaSets.length > 0) {
    const pods = cluster.store.list('Pod');
    const podsByOwner = byControllerUid(pods);
    const orphans = new Map<string, Pod[]>();
    for (const p of pods) {
      if (hasController(p) || !isActive(p)) continue;
      const ns = p.metadata.namespace ?? '';
      const list = orphans.get(ns);
      if (list) list.push(p);
      else orphans.set(ns, [p]);
    }
    for (const rs of replicaSets) changed = syncReplicaSet(cluster, rs, claimPods(cluster, rs, podsByOwner.get(rs.metadata.uid) ?? [], orphans.get(rs.metadata.namespace ?? '') ?? [])) || changed;
  }
  cluster.journal.caughtUp(READER);
  return changed;
}

/** metav1.GetControllerOf: only a reference marked controller counts. */
const hasController = (p: Pod) => p.metadata.ownerReferences?.some((r) => r.controller) ?? false;

/** FilterActivePods: not terminating, not finished. */
const isActive = (p: Pod) => p.metadata.deletionTimestamp === undefined && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed';

/**
 * ClaimPods (controller_ref_manager.go): keeps the pods it controls that still match,
 * releases those that do not (removing its reference, as ReleasePod's patch does),
 * and adopts matching active orphans (AdoptPod) unless it is being deleted.
 */
function claimPods(cluster: Cluster, rs: ReplicaSet, owned: Pod[], orphans: Pod[]): Pod[] {
  const claimed: Pod[] = [];
  for (const pod of owned) {
    if (matchesSelector(rs.spec.selector, pod.metadata.labels)) {
      claimed.push(pod);
      continue;
    }
    if (!isActive(pod)) continue;
    const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== rs.metadata.uid);
    if (refs.length) pod.metadata.ownerReferences = refs;
    else delete pod.metadata.ownerReferences;
    cluster.update(pod);
  }
  if (rs.metadata.deletionTimestamp !== undefined) return claimed;
  for (const pod of orphans) {
    if (hasController(pod) || !matchesSelector(rs.spec.selector, pod.metadata.labels)) continue;
    pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), ownerRef(rs)];
    cluster.update(pod);
    claimed.push(pod);
  }
  return claimed;
}

/** Lower ranks are deleted first: unscheduled, then pending, then not ready, then the newest. */
function deletionRank(pod: Pod): [number, number, number, number] {
  return [pod.spec.nodeName ? 1 : 0, pod.status.phase === 'Running' ? 1 : 0, pod.status.ready ? 1 : 0, -pod.metadata.creationTimestamp];
}

function compareRank(a: Pod, b: Pod): number {
  const ra = deletionRank(a);
  const rb = deletionRank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
  return a.metadata.name < b.metadata.name ? 1 : -1;
}

function syncReplicaSet(cluster: Cluster, rs: ReplicaSet, owned: Pod[]): boolean {
  const pods = owned.filter((p) => p.metadata.deletionTimestamp === undefined && cluster.store.get('Pod', p.metadata.namespace, p.metadata.name) === p);
  let changed = false;
  const diff = rs.spec.replicas - pods.length;
  let live = pods;
  if (diff > 0) {
    live = [...pods];
    const room = podRoom(cluster);
    if (room < diff) {
      // A simulator limit: the pods past it are not created, and the ReplicaSet says so once per sync that hits it.
      const message = `Error creating: simulator limit: this simulated cluster holds at most ${MAX_PODS} pods; ${diff - room} of ${diff} pods not created`;
      cluster.event({ subject: rs, type: 'Warning', reason: 'FailedCreate', format: (m: string) => m, a: message, source: SOURCE });
      if (!cluster.limitNotes.has(rs.metadata.uid)) cluster.limitNotes.set(rs.metadata.uid, podLimitNote(`replicaset.apps/${rs.metadata.name} created ${room} of the ${diff} pods it wanted`));
    }
    for (let i = 0; i < Math.min(diff, room); i++) {
      const pod = cluster.create(newPodFor(cluster, rs));
      cluster.event({ subject: rs, type: 'Normal', reason: 'SuccessfulCreate', format: createdPod, a: pod.metadata.name, source: SOURCE, once: true });
      live.push(pod);
      changed = true;
    }
  } else if (diff < 0) {
    const doomed = new Set([...pods].sort(compareRank).slice(0, -diff));
    for (const pod of doomed) {
      cluster.deletePod(pod);
      cluster.event({ subject: rs, type: 'Normal', reason: 'SuccessfulDelete', format: deletedPod, a: pod.metadata.name, source: SOURCE, once: true });
    }
    live = pods.filter((p) => !doomed.has(p));
    changed = true;
  }
  const ready = live.filter((p) => p.status.ready).length;
  if (rs.status.replicas !== live.length || rs.status.readyReplicas !== ready) {
    rs.status = { replicas: live.length, readyReplicas: ready, availableReplicas: ready };
    cluster.update(rs);
    changed = true;
  }
  return changed;
}

function newPodFor(cluster: Cluster, rs: ReplicaSet): Pod {
  const name = cluster.generatedName('Pod', rs.metadata.namespace, `${rs.metadata.name}-`);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: cluster.newMeta(name, rs.metadata.namespace, {
      generateName: `${rs.metadata.name}-`,
      labels: { ...(rs.spec.template.metadata.labels ?? {}) },
      ownerReferences: [ownerRef(rs)],
    }),
    // Pods of one ReplicaSet share the template's containers; nothing edits them in place.
    spec: { ...rs.spec.template.spec },
    status: { phase: 'Pending', ready: false },
  };
}
