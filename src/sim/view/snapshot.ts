/**
 * Plain-data views of the cluster and of a traced request: what crosses the
 * worker boundary to the UI. Built by the core, rendered by the UI.
 */
import type { Labels, Protocol, ServiceType } from '../model/types';

export type ProxyMode = 'iptables' | 'ipvs' | 'nftables' | 'userspace';

export interface NodeView {
  name: string;
  role: 'control-plane' | 'worker';
  ip: string;
  podCIDR: string;
  /** Number of rules kube-proxy holds for this node in the current mode. */
  proxyRuleCount: number;
  /** Pods on this node the snapshot leaves out (a big cluster sends what the canvas can show). */
  podsNotShown?: number;
}

export interface PodView {
  namespace: string;
  name: string;
  ip: string | null;
  nodeName: string | null;
  phase: string;
  ready: boolean;
  terminating: boolean;
  labels: Labels;
  /** The first container's image and ports, for the pod's badge. */
  image: string;
  ports: { name?: string; containerPort: number; protocol: Protocol }[];
  /** Set for the cluster's DNS pods, which the canvas draws as CoreDNS. */
  isCoreDns: boolean;
  /** Where in the scenario YAML this pod (or its Deployment) is written. */
  source?: SourceRange;
  /** The lines of the labels the pod gets from the YAML (metadata.labels, or the Deployment's template labels). */
  labelsSource?: SourceRange;
}

export interface EndpointView {
  ip: string;
  port: number;
  portName?: string;
  podName?: string;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface ServiceView {
  namespace: string;
  name: string;
  type: ServiceType;
  clusterIP: string | null;
  externalName?: string;
  externalIPs: string[];
  loadBalancerIPs: string[];
  selector: Labels | null;
  ports: { name?: string; port: number; targetPort: number | string; nodePort?: number; protocol: Protocol }[];
  endpoints: EndpointView[];
  sessionAffinity: 'None' | 'ClientIP';
  /** Set when `endpoints` is cut short (a big Service): the counts of all of them. */
  endpointTotals?: { ready: number; notReady: number; terminating: number };
  source?: SourceRange;
  /** The lines of spec.selector in the scenario YAML. */
  selectorSource?: SourceRange;
}

export interface SourceRange {
  startLine: number;
  endLine: number;
}

export interface ClusterSnapshot {
  /** Increases with every change, so the UI can drop stale snapshots. */
  version: number;
  clusterName: string;
  podSubnet: string;
  serviceSubnet: string;
  proxyMode: ProxyMode;
  dnsIP: string;
  clusterDomain: string;
  /** Simulation clock, seconds. */
  time: number;
  nodes: NodeView[];
  pods: PodView[];
  services: ServiceView[];
  /** Pods left out of `pods`, all nodes together (see NodeView.podsNotShown). */
  podsNotShown?: number;
  /** Where the cluster differs from the editor's text (scaled, made or deleted in the terminal), one line each. */
  drift?: string[];
}

export interface Diagnostic {
  /** 1-based lines and columns, as editors count them. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface PacketView {
  protocol: 'TCP' | 'UDP';
  src: string;
  dst: string;
  /** A short payload description: "A? web.default.svc.cluster.local", "GET /". */
  payload?: string;
}

/** A graph element id: "pod:NS/NAME", "svc:NS/NAME", "node:NAME", "kube-proxy:NODE", "coredns", "workstation", "lb:NS/NAME", "external:HOST". */
export type ElementId = string;

export type HopKind = 'dns-query' | 'dns-answer' | 'send' | 'dnat' | 'snat' | 'route' | 'deliver' | 'respond' | 'reply' | 'reject' | 'drop';

export interface Hop {
  index: number;
  kind: HopKind;
  /** Where the packet is when this hop starts and where the hop takes it. */
  from: ElementId;
  to: ElementId;
  /** The component acting: "client", "CoreDNS", "kube-proxy on kind-worker". */
  actor: string;
  title: string;
  /** One short line under the title. */
  detail: string;
  packetIn?: PacketView;
  packetOut?: PacketView;
  /**
   * What decided it: rule lines as iptables-save prints them, or DNS records.
   * `matched`: indices into `lines` of the line(s) that made the decision (the DNAT
   * rule, not the jumps that led to it); set for every hop a trace returns.
   */
  decidedBy: { kind: 'dns-record' | 'iptables' | 'ipvs' | 'nftables' | 'route' | 'conntrack' | 'socket'; lines: string[]; matched?: number[] } | null;
  /** One plain sentence of why. */
  why: string;
  /** Other elements this hop is about (the Service whose ClusterIP was rewritten). */
  related?: ElementId[];
}

export interface RequestSpec {
  /** "NS/POD" of the client pod, or "workstation" for outside the cluster. */
  from: string;
  url: string;
}

export interface TraceView {
  request: RequestSpec;
  hops: Hop[];
  ok: boolean;
  /** The response body, or the client's error text (curl's words). */
  result: string;
  /** The pod that answered, when one did. */
  servedBy?: string;
}
