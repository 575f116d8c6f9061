/**
 * The events a kind node leaves behind as it joins (still listed while the cluster is
 * younger than the events' one-hour TTL): its kubelet starting and reporting its
 * conditions (k/k pkg/kubelet/kubelet_node_status.go, "Node %s status is now: %s"), the
 * node lifecycle controller registering it (pkg/controller/nodelifecycle), and
 * kube-proxy starting (an event with no message).
 */
import type { Cluster } from '../cluster';
import type { Node } from '../model/types';

export function recordNodeJoin(cluster: Cluster, node: Node, at: number): void {
  const name = node.metadata.name;
  // The kubelet refers to its node by name (its uid is the name); the controller by the object's uid.
  const byKubelet = { apiVersion: '', kind: 'Node', metadata: { name, uid: name, resourceVersion: '' } };
  const kubelet = { component: 'kubelet', host: name };
  const log = cluster.events;
  log.recordText(byKubelet, 'Normal', 'Starting', 'Starting kubelet.', kubelet, at);
  for (const condition of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) {
    log.recordText(byKubelet, 'Normal', condition, `Node ${name} status is now: ${condition}`, kubelet, at);
  }
  log.recordText(byKubelet, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', kubelet, at);
  const byController = { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: node.metadata.uid, resourceVersion: node.metadata.resourceVersion } };
  log.recordText(byController, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, { component: 'node-controller' }, at + 4);
  log.recordText(byKubelet, 'Normal', 'Starting', '', { component: 'kube-proxy', host: name }, at + 6);
  log.recordText(byKubelet, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, kubelet, at + 12);
}
