/**
 * kube-proxy in ipvs mode as a data plane, from the virtual servers buildIpvs renders
 * (once per cluster change, indexed by protocol/address/port):
 * - a new connection to a virtual server gets a real server from the configured
 *   scheduler (net/netfilter/ipvs/ip_vs_*.c via proxy/ipvs/schedulers.ts), honouring
 *   persistence (ClientIP affinity) on the simulation clock; the plane keeps the IPVS
 *   connection table so lc/wlc/sed/nq see real ActiveConn/InActConn counts (TCP is
 *   active for the kernel's 900 s tcp timeout, UDP inactive for 300 s);
 * - a virtual server with no real servers: ip_vs_leave() in ip_vs_core.c answers ICMP
 *   port unreachable, i.e. REJECT ("connection refused");
 * - another port of an address bound to kube-ipvs0: kube-proxy's KUBE-IPVS-FILTER
 *   chain (k/k pkg/proxy/ipvs/proxier.go) REJECTs it;
 * - masquerade as kube-proxy's ipset rules do it: off-cluster sources to a ClusterIP
 *   (KUBE-CLUSTER-IP), NodePort / external / LB traffic with Cluster policy, and hairpin
 *   (KUBE-LOOP-BACK).
 * Departure: NodePorts are served on the node's InternalIP only (real kube-proxy also
 * serves them on the node's other local addresses).
 */
import type { Cluster } from '../cluster';
import { formatRealServer, formatVirtualServer } from '../proxy/ipvs/ipvsadm';
import { buildIpvs, kubeIpvs0Addresses, type IpvsScheduler, type IpvsVirtualServer } from '../proxy/ipvs/model';
import { createPersistenceTable, pickRealServer, type PersistenceTable } from '../proxy/ipvs/persistence';
import type { SchedulerState } from '../proxy/ipvs/schedulers';
import { buildServicePorts } from '../proxy/service-port';
import { cidrContains, parseIPv4 } from './ip';
import { randomFullyPort } from './iptables-plane';
import { IpvsConnections } from './ipvs-conns';
import type { DataPlane, Packet, ProxyVerdict } from './packet';
import { ConntrackTables, endpointPodOf, masqueradeSourceFor, NodeCache, nodeIPOf, recordVerdict, trackedVerdict } from './plane-common';

interface IpvsView {
  servers: IpvsVirtualServer[];
  byKey: Map<string, IpvsVirtualServer>;
  boundAddresses: Set<string>;
}

const flowKey = (p: Packet): string => `${p.src}:${p.sport}>${p.dst}:${p.dport}`;
const vsKey = (protocol: string, ip: string, port: number): string => `${protocol}|${ip}:${port}`;

/**
 * The iptables rules kube-proxy's ipvs mode masquerades with (k/k pkg/proxy/ipvs/proxier.go
 * writeIptablesRules): ipset matches mark the packet, KUBE-POSTROUTING masquerades it.
 */
function masqueradeRules(vs: IpvsVirtualServer, hairpin: boolean, clusterCIDR: string): string[] {
  const post = '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully';
  if (hairpin) return ['-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE'];
  if (vs.kind === 'nodePort') return [`-A KUBE-NODE-PORT -p ${vs.protocol.toLowerCase()} -m comment --comment "Kubernetes nodeport ${vs.protocol} port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-${vs.protocol} dst -j KUBE-MARK-MASQ`, post];
  if (vs.kind === 'clusterIP') return [`-A KUBE-SERVICES ! -s ${clusterCIDR} -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ`, post];
  return ['-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ', post];
}

export class IpvsDataPlane implements DataPlane {
  readonly conntrack = new ConntrackTables();
  private readonly views: NodeCache<IpvsView>;
  private readonly persistence = new Map<string, PersistenceTable>();
  private readonly states = new Map<string, Map<string, SchedulerState>>();
  private readonly conns = new Map<string, IpvsConnections>();

  constructor(private readonly cluster: Cluster, readonly scheduler: IpvsScheduler = 'rr') {
    this.views = new NodeCache(cluster, (node) => {
      const servers = buildIpvs(buildServicePorts(cluster.store), { nodeName: node, nodeIPs: [nodeIPOf(cluster, node)], scheduler });
      return { servers, byKey: new Map(servers.map((v) => [vsKey(v.protocol, v.ip, v.port), v])), boundAddresses: new Set(kubeIpvs0Addresses(servers)) };
    });
  }

  /** The node's virtual servers with live connection counts (what `ipvsadm -Ln` shows). */
  virtualServers(nodeName: string): IpvsVirtualServer[] {
    const conns = this.connsOf(nodeName);
    conns.expire(this.cluster.clock.now());
    const { servers } = this.views.get(nodeName);
    for (const vs of servers) conns.apply(vs);
    return servers;
  }

  process(nodeName: string, packet: Packet, _hook: 'PREROUTING' | 'OUTPUT'): ProxyVerdict {
    const now = this.cluster.clock.now();
    const ct = this.conntrack.of(nodeName);
    const tracked = trackedVerdict(ct, packet, now, 'ipvs');
    if (tracked) return tracked;
    const view = this.views.get(nodeName);
    const accept = (p: Packet, rules: string[] = []): ProxyVerdict => ({ packet: p, verdict: 'ACCEPT', masquerade: false, rules, tool: 'ipvs' });
    const vs = view.byKey.get(vsKey(packet.protocol, packet.dst, packet.dport));
    if (!vs) {
      if (!view.boundAddresses.has(packet.dst)) return accept(packet);
      return { packet, verdict: 'REJECT', masquerade: false, tool: 'ipvs', rules: ['-A KUBE-IPVS-FILTER -m set --match-set KUBE-IPVS-IPS dst -m conntrack --ctstate NEW -j REJECT --reject-with icmp-port-unreachable'] };
    }
    const conns = this.connsOf(nodeName);
    conns.expire(now);
    conns.apply(vs);
    const rs = pickRealServer(vs, packet.src, { persistence: this.persistenceOf(nodeName), states: this.statesOf(nodeName), now });
    if (!rs) return { packet, verdict: 'REJECT', masquerade: false, tool: 'ipvs', rules: [formatVirtualServer(vs)] };
    conns.add(IpvsConnections.key(vs, rs.ip, rs.port), packet.protocol, now, flowKey(packet));
    conns.apply(vs);
    const masquerade = this.masquerades(vs, packet.src, rs.ip);
    const nodeIP = masqueradeSourceFor(this.cluster, nodeName)(rs.ip);
    const out: Packet = { ...packet, dst: rs.ip, dport: rs.port, ...(masquerade ? { src: nodeIP, sport: randomFullyPort(this.cluster.trafficRng) } : {}) };
    const pod = endpointPodOf(this.cluster, packet, out);
    const snat = masquerade ? { snat: { to: nodeIP, rules: masqueradeRules(vs, packet.src === rs.ip, this.cluster.config.podSubnet.text) } } : {};
    const v: ProxyVerdict = { ...accept(out, [formatVirtualServer(vs), formatRealServer(rs)]), masquerade, ...snat, ...(pod ? { endpointPod: pod } : {}) };
    return recordVerdict(ct, packet, v, now);
  }

  /** The client closed a connection it made through this node. */
  closed(nodeName: string, orig: Packet): void {
    this.connsOf(nodeName).close(flowKey(orig), this.cluster.clock.now());
  }

  private masquerades(vs: IpvsVirtualServer, src: string, rsIP: string): boolean {
    if (src === rsIP) return true;
    if (vs.kind !== 'clusterIP') return !this.localPolicy(vs);
    const ip = parseIPv4(src);
    return ip === undefined || !cidrContains(this.cluster.config.podSubnet, ip);
  }

  private localPolicy(vs: IpvsVirtualServer): boolean {
    const [nsName] = vs.servicePort.split(':');
    const [ns, name] = nsName!.split('/');
    return this.cluster.store.get('Service', ns, name!)?.spec.externalTrafficPolicy === 'Local';
  }

  private connsOf(node: string): IpvsConnections {
    let c = this.conns.get(node);
    if (!c) this.conns.set(node, (c = new IpvsConnections()));
    return c;
  }
  private persistenceOf(node: string): PersistenceTable {
    let p = this.persistence.get(node);
    if (!p) this.persistence.set(node, (p = createPersistenceTable()));
    return p;
  }
  private statesOf(node: string): Map<string, SchedulerState> {
    let s = this.states.get(node);
    if (!s) this.states.set(node, (s = new Map()));
    return s;
  }
}
