/** React Flow node types, a module-level constant so React Flow never remounts nodes. */
import type { NodeTypes } from '@xyflow/react';
import { K8sNodeGroup } from './nodes/k8s-node-group';
import { ExternalHostCard, LoadBalancerCard, OutsideFrame } from './nodes/outside-nodes';
import { PodCard } from './nodes/pod-card';
import { ServiceCard } from './nodes/service-card';
import { KubeProxyChip, NodePortChip, WorkstationCard } from './nodes/small-nodes';

export const nodeTypes: NodeTypes = {
  k8sNode: K8sNodeGroup,
  pod: PodCard,
  service: ServiceCard,
  kubeProxy: KubeProxyChip,
  workstation: WorkstationCard,
  nodePort: NodePortChip,
  outside: OutsideFrame,
  loadBalancer: LoadBalancerCard,
  externalHost: ExternalHostCard,
};
