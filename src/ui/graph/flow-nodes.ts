/**
 * The canvas's node kinds as React Flow nodes (plain data; no React here),
 * and the accessible name each one carries.
 */
import type { Node } from '@xyflow/react';
import type { NodeView, PodView, ProxyMode, ServiceView } from '../../sim/view/snapshot';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type K8sNodeFlowNode = Node<{ node: NodeView; podCount: number }, 'k8sNode'>;
/** dnsTarget: the CoreDNS pod that stands for "coredns" in hops. */
export type PodFlowNode = Node<{ pod: PodView; dnsTarget: boolean }, 'pod'>;
export type ServiceFlowNode = Node<{ svc: ServiceView }, 'service'>;
export type KubeProxyFlowNode = Node<{ nodeName: string; ruleCount: number; mode: ProxyMode }, 'kubeProxy'>;
export type WorkstationFlowNode = Node<Record<string, never>, 'workstation'>;
export type AppNode = K8sNodeFlowNode | PodFlowNode | ServiceFlowNode | KubeProxyFlowNode | WorkstationFlowNode;

type DataOf<T extends AppNode['type']> = Extract<AppNode, { type: T }>['data'];

export function flowNode<T extends NonNullable<AppNode['type']>>(
  type: T,
  id: string,
  box: Box,
  data: DataOf<T>,
  parentId?: string,
): AppNode {
  const node = {
    id,
    type,
    position: { x: box.x, y: box.y },
    width: box.w,
    height: box.h,
    data,
    draggable: false,
    selectable: false,
    connectable: false,
    focusable: false,
    ...(parentId ? { parentId, extent: 'parent' as const } : {}),
  };
  return node as AppNode;
}

export function podLabel(pod: PodView): string {
  const where = pod.ip ?? '(no IP)';
  return pod.isCoreDns ? `CoreDNS ${pod.name} ${where}` : `Pod ${pod.name} ${where}`;
}

export function serviceLabel(svc: ServiceView): string {
  const addr = svc.type === 'ExternalName' ? svc.externalName : svc.clusterIP === 'None' ? 'headless' : svc.clusterIP;
  return `Service ${svc.name} ${addr ?? '(no IP)'}`;
}

export function labelOf(n: AppNode): string {
  switch (n.type) {
    case 'k8sNode':
      return `Node ${n.data.node.name} ${n.data.node.ip}`;
    case 'pod':
      return podLabel(n.data.pod);
    case 'service':
      return serviceLabel(n.data.svc);
    case 'kubeProxy':
      return `kube-proxy on ${n.data.nodeName}`;
    default:
      return 'Workstation';
  }
}
