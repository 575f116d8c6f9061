/**
 * ReplicaSet -> Pods: creates pods named <rs>-<5 random characters> until the
 * count matches, and removes the least settled pods first when scaling down.
 * Mirrors k/k pkg/controller/replicaset/replica_set.go (manageReplicas,
 * getPodsToDelete) and the API server's generateName.
 */
import type { Cluster } from '../cluster';
import type { Pod, ReplicaSet } from '../model/types';
import { KUBE_NAME_ALPHABET } from '../rng';
import { isOwnedBy, ownerRef } from './deployment';

export function reconcileReplicaSets(cluster: Cluster): boolean {
  let changed = false;
  for (const rs of cluster.store.list('ReplicaSet')) changed = syncReplicaSet(cluster, rs) || changed;
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

function syncReplicaSet(cluster: Cluster, rs: ReplicaSet): boolean {
  const ns = rs.metadata.namespace!;
  const pods = cluster.store.list('Pod', ns).filter((p) => isOwnedBy(p, rs.metadata.uid) && p.metadata.deletionTimestamp === undefined);
  let changed = false;
  const diff = rs.spec.replicas - pods.length;
  if (diff > 0) {
    for (let i = 0; i < diff; i++) {
      cluster.create(newPodFor(cluster, rs));
      changed = true;
    }
  } else if (diff < 0) {
    for (const pod of [...pods].sort(compareRank).slice(0, -diff)) {
      cluster.deletePod(pod);
      changed = true;
    }
  }
  const live = cluster.store.list('Pod', ns).filter((p) => isOwnedBy(p, rs.metadata.uid) && p.metadata.deletionTimestamp === undefined);
  const ready = live.filter((p) => p.status.ready).length;
  if (rs.status.replicas !== live.length || rs.status.readyReplicas !== ready) {
    rs.status = { replicas: live.length, readyReplicas: ready, availableReplicas: ready };
    cluster.update(rs);
    changed = true;
  }
  return changed;
}

function newPodFor(cluster: Cluster, rs: ReplicaSet): Pod {
  let name: string;
  do {
    name = `${rs.metadata.name}-${cluster.rng.string(5, KUBE_NAME_ALPHABET)}`;
  } while (cluster.store.get('Pod', rs.metadata.namespace, name));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: cluster.newMeta(name, rs.metadata.namespace, {
      generateName: `${rs.metadata.name}-`,
      labels: { ...(rs.spec.template.metadata.labels ?? {}) },
      ownerReferences: [ownerRef(rs)],
    }),
    spec: JSON.parse(JSON.stringify(rs.spec.template.spec)) as Pod["spec"],
    status: { phase: 'Pending', ready: false },
  };
}
