/** Runs the controllers until nothing changes, as a settled cluster would be. */
import type { Cluster } from '../cluster';
import { reconcileDeployments } from './deployment';
import { reconcileEndpoints } from './endpoints';
import { reconcileEndpointSlices } from './endpointslice';
import { reconcileEndpointSliceMirroring } from './endpointslice-mirroring';
import { reconcileKubelets } from './kubelet';
import { reconcileReplicaSets } from './replicaset';
import { reconcileStatefulSets } from './statefulset';
import { reconcileScheduling } from './scheduler';
import { reconcileRootCA } from './root-ca-publisher';

// The workload controllers run again after the kubelets, so their status
// (ready counts) settles in the same round as the pods they made.
const CONTROLLERS = [
  reconcileRootCA,
  reconcileDeployments,
  reconcileReplicaSets,
  reconcileStatefulSets,
  reconcileScheduling,
  reconcileKubelets,
  reconcileReplicaSets,
  reconcileStatefulSets,
  reconcileDeployments,
  reconcileEndpoints,
  reconcileEndpointSlices,
  reconcileEndpointSliceMirroring,
];

export function settle(cluster: Cluster, maxRounds = 20): void {
  for (let round = 0; round < maxRounds; round++) {
    let changed = false;
    for (const controller of CONTROLLERS) changed = controller(cluster) || changed;
    if (!changed) break;
  }
  cluster.journal.compact();
}
