/**
 * ReplicaSet -> Pods: creates pods named <rs>-<5 random characters> until the
 * count matches, and removes the least settled pods first when scaling down.
 * Mirrors k/k pkg/controller/replicaset/replica_set.go (manageReplicas,
 * getPodsToDelete) and the API server's generateName.
 */
import type { Cluster } from '../cluster';
import type { Pod, ReplicaSet } from '../model/types';
import { ownerRef } from './deployment';
import { byControllerUid } from './indexes';
import { MAX_PODS, podLimitNote, podRoom } from '../limits';
import { openQueue } from './work-queue';

const READER = 'replicaset-controller';
const SOURCE = { component: 'replicaset-controller' };
const createdPod = (name: string) => `Created pod: ${name}`;
const deletedPod = (name: string) => `Deleted pod: ${name}`;

/** Syncs the ReplicaSets written since the last pass, and those whose pods were. */
export function reconcileReplicaSets(cluster: Cluster): boolean {
  const queue = openQueue(cluster, READER);
  queue.addWithOwnersOf('ReplicaSet', 'Pod');
  let changed = false;
  const replicaSets = queue.objects(cluster, 'ReplicaSet');
  if (replicaSets.length > 0) {
    const podsByOwner = byControllerUid(cluster.store.list('Pod'));
    for (const rs of replicaSets) changed = syncReplicaSet(cluster, rs, podsByOwner.get(rs.metadata.uid) ?? []) || changed;
  }
  cluster.journal.caughtUp(READER);
  return changed;
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
