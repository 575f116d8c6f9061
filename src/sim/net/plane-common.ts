/**
 * What every kube-proxy data plane shares: a per-node cache re-rendered only when the
 * cluster changed (render once per change, then index), the node's conntrack table, and
 * the conntrack short-cut a packet of an already-tracked flow takes (netfilter's nat
 * hooks only see a connection's first packet; later ones reuse its NAT binding).
 */
import { cidrAddress, cidrContains, formatIPv4, parseCidr, parseIPv4 } from './ip';
import type { Cluster } from '../cluster';
import { ConntrackTable, formatConntrackEntry } from './conntrack';
import type { Packet, ProxyVerdict } from './packet';
import { topologyOf } from './topology';

/** A per-node value, dropped whenever cluster.version moves. */
export class NodeCache<T> {
  private version = -1;
  private readonly values = new Map<string, T>();

  constructor(private readonly cluster: Cluster, private readonly make: (nodeName: string) => T) {}

  get(nodeName: string): T {
    if (this.version !== this.cluster.version) {
      this.values.clear();
      this.version = this.cluster.version;
    }
    let v = this.values.get(nodeName);
    if (v === undefined) this.values.set(nodeName, (v = this.make(nodeName)));
    return v;
  }
}

/** One conntrack table per node, kept across cluster changes (flows outlive rule syncs). */
export class ConntrackTables {
  private readonly tables = new Map<string, ConntrackTable>();

  of(nodeName: string): ConntrackTable {
    let t = this.tables.get(nodeName);
    if (!t) this.tables.set(nodeName, (t = new ConntrackTable()));
    return t;
  }
}

export function nodeIPOf(cluster: Cluster, nodeName: string): string {
  return topologyOf(cluster).nodeIP(nodeName);
}

/**
 * The source MASQUERADE picks: the address of the interface the packet leaves by. To a pod on
 * the same node that is the pod's veth, to which kindnet's ptp CNI plugin gives the podCIDR's
 * gateway (.1), so the pod sees that address (the "Using Source IP" tutorial's 10.180.1.1);
 * anything else leaves by eth0 with the node's address.
 */
export function masqueradeSourceFor(cluster: Cluster, nodeName: string): (dst: string) => string {
  const topo = topologyOf(cluster);
  const nodeIP = topo.nodeIP(nodeName);
  const cidr = parseCidr(topo.node(nodeName)?.spec.podCIDR ?? '');
  return (dst) => {
    const ip = parseIPv4(dst);
    return cidr && ip !== undefined && cidrContains(cidr, ip) && topo.podByIP.has(dst) ? formatIPv4(cidrAddress(cidr, 1)) : nodeIP;
  };
}

/** "ns/name" of the pod now holding the packet's destination, when NAT changed it. */
export function endpointPodOf(cluster: Cluster, before: Packet, after: Packet): string | undefined {
  if (after.dst === before.dst && after.dport === before.dport) return undefined;
  const pod = topologyOf(cluster).podByIP.get(after.dst);
  return pod ? `${pod.metadata.namespace}/${pod.metadata.name}` : undefined;
}

/** The verdict for a packet of a tracked flow: its recorded translation, untouched by rule changes. */
export function trackedVerdict(ct: ConntrackTable, packet: Packet, now: number, tool: ProxyVerdict['tool']): ProxyVerdict | undefined {
  const e = ct.lookup(packet, now);
  if (!e || e.src !== packet.src || e.sport !== packet.sport || e.state === 'TIME_WAIT') return undefined;
  const translated = e.translated;
  const v: ProxyVerdict = { packet: translated, verdict: 'ACCEPT', masquerade: translated.src !== packet.src, rules: [formatConntrackEntry(e, now)], tool, ct: e };
  if (e.endpointPod) v.endpointPod = e.endpointPod;
  return v;
}

/** Records an accepted new connection in the node's table; returns the verdict unchanged. */
export function recordVerdict(ct: ConntrackTable, orig: Packet, v: ProxyVerdict, now: number, snat?: string): ProxyVerdict {
  if (v.verdict !== 'ACCEPT') return v;
  const translated = snat ? { ...v.packet, src: snat } : v.packet;
  v.ct = ct.record(orig, v.endpointPod ? { translated, now, endpointPod: v.endpointPod } : { translated, now });
  return v;
}
