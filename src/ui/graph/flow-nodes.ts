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
/** The frame around everything outside the cluster (not an element of its own). */
export type OutsideFlowNode = Node<Record<string, never>, 'outside'>;
export type LoadBalancerFlowNode = Node<{ svc: ServiceView }, 'loadBalancer'>;
export type ExternalHostFlowNode = Node<{ host: string; services: string[] }, 'externalHost'>;
/** A Service's nodePort, drawn on the edge of every node (each node opens it). */
export type NodePortFlowNode = Node<{ nodeName: string; nodePort: number; service: string }, 'nodePort'>;
export type AppNode =
  | K8sNodeFlowNode | PodFlowNode | ServiceFlowNode | KubeProxyFlowNode | WorkstationFlowNode
  | OutsideFlowNode | LoadBalancerFlowNode | ExternalHostFlowNode | NodePortFlowNode;

type DataOf<T extends AppNode['type']> = Extract<AppNode, { type: T }>['data'];

export function flowNode<T extends NonNullable<AppNode['type']>>(
  type: T,
  id: string,
  box: Box,
  data: DataOf<T>,
  parentId?: string,
  /** Children are kept inside their parent unless they sit on its edge on purpose. */
  contained = true,
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
    ...(parentId ? { parentId, ...(contained ? { extent: 'parent' as const } : {}) } : {}),
  };
  return node as AppNode;
}

/** Adds a node to the layout; abs is its box in canvas coordinates. */
export type Place = (node: AppNode, abs: Box) => void;

export function podLabel(pod: PodView): string {
  const where = pod.ip ?? '(no IP)';
  return pod.isCoreDns ? `CoreDNS ${pod.name} ${where}` : `Pod ${pod.name} ${where}`;
}

/** "Service web 10.96.41.7"; a headless Service says "None", as kubectl's CLUSTER-IP column does. */
export function serviceLabel(svc: ServiceView): string {
  const addr = svc.type === 'ExternalName' ? svc.externalName : svc.clusterIP;
  return `Service ${svc.name} ${addr ?? '(no IP)'}`;
}

export const loadBalancerLabel = (svc: ServiceView): string => `Load balancer ${svc.name} ${svc.loadBalancerIPs[0] ?? 'pending'}`;

export const WORKSTATION_LABEL = 'Workstation (outside the cluster)';

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
    case 'loadBalancer':
      return loadBalancerLabel(n.data.svc);
    case 'externalHost':
      return `External host ${n.data.host}`;
    case 'nodePort':
      return `NodePort ${n.data.nodePort} on ${n.data.nodeName}`;
    case 'outside':
      return 'Outside the cluster';
    default:
      return WORKSTATION_LABEL;
  }
}
