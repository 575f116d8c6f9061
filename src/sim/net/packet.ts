import type { ConntrackTable, CtEntry } from './conntrack';
/** A packet's addressing, as the kernel's netfilter sees it. */
export interface Packet {
  protocol: 'TCP' | 'UDP';
  src: string;
  sport: number;
  dst: string;
  dport: number;
}

export function endpointOf(ip: string, port: number): string {
  return `${ip}:${port}`;
}

/** What the node's service proxy did to a packet. */
export interface ProxyVerdict {
  packet: Packet;
  verdict: 'ACCEPT' | 'REJECT' | 'DROP';
  /** Marked for masquerade: the source is rewritten to the node's IP on the way out. */
  masquerade: boolean;
  /** The rules that matched and acted, as the node's tool prints them. */
  rules: string[];
  /** Which tool's words `rules` are in. */
  tool: 'iptables' | 'ipvs' | 'nftables';
  /** The pod behind the new destination, when the proxy chose an endpoint. */
  endpointPod?: string;
  /** Source NAT on the way out (MASQUERADE in POSTROUTING), with the rules that did it. */
  snat?: { to: string; rules: string[] };
  /** The conntrack entry this packet's flow has on the node (recorded now, or found). */
  ct?: CtEntry;
  /** A proxy that dials backends itself (userspace): the dials that failed before one connected. */
  failedDials?: { endpoint: string; error: 'connection refused' | 'i/o timeout'; timeoutMs: number }[];
}

/** The nodes' service proxies: kube-proxy in whichever mode the cluster runs. */
export interface DataPlane {
  /** A packet entering a node from a pod or from outside (hook PREROUTING), or made on the node (OUTPUT). */
  process(nodeName: string, packet: Packet, hook: 'PREROUTING' | 'OUTPUT'): ProxyVerdict;
  /** The node's conntrack table, where the flows a request makes are recorded. */
  conntrackTable?(nodeName: string): ConntrackTable;
  /** The client closed a connection whose first packet entered at this node (IPVS counts it inactive). */
  closed?(nodeName: string, orig: Packet): void;
}
