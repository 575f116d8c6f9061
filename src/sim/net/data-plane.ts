/**
 * The cluster's service data plane, chosen by kube-proxy's mode, plus the node views
 * `docker exec NODE ...` reads (iptables-save, ipvsadm -Ln, nft list ruleset, conntrack -L).
 * ipvs without the ip_vs kernel modules: since v1.26 (k/k#111806, "remove kube-proxy mode
 * fallback") kube-proxy no longer falls back to iptables; it exits with "can't use the
 * IPVS proxier" and crash-loops. So no service rules are installed at all: ClusterIPs
 * answer nothing (the packet goes out unchanged and times out).
 */
import type { Cluster } from '../cluster';
import type { IpvsVirtualServer } from '../proxy/ipvs/model';
import { nonProxyIptables } from '../proxy/iptables/node-base';
import type { Ruleset } from '../proxy/iptables/rules';
import type { ProxyMode } from '../view/snapshot';
import type { ConntrackTable } from './conntrack';
import { IptablesDataPlane, KIND_DOCKER_DNS } from './iptables-plane';
import { IpvsDataPlane } from './ipvs-plane';
import { NftablesDataPlane } from './nftables-plane';
import type { DataPlane, Packet, ProxyVerdict } from './packet';
import { ConntrackTables, NodeCache, nodeIPOf, recordVerdict, trackedVerdict } from './plane-common';
import { renderIpvsIptables } from '../proxy/ipvs/iptables';
import { buildServicePorts } from '../proxy/service-port';
import { UserspaceDataPlane } from './userspace-plane';

export interface NodeDataPlane extends DataPlane {
  readonly mode: ProxyMode;
  /** False when kube-proxy cannot start (ipvs mode without the ip_vs modules). */
  readonly proxyRunning: boolean;
  /** What `iptables-save` shows on the node. */
  ruleset(nodeName: string): Ruleset;
  /** The IPVS table, or undefined when the kernel has no IPVS (not in ipvs mode). */
  ipvs(nodeName: string): IpvsVirtualServer[] | undefined;
  /** `nft list ruleset` text: kube-proxy's table in nftables mode, nothing otherwise. */
  nftRuleset(nodeName: string): string;
  conntrack(nodeName: string): ConntrackTable;
  /**
   * How many rules kube-proxy itself keeps on the node, in its mode's own terms: iptables
   * (and userspace) rules in KUBE-* chains, IPVS virtual plus real servers, nftables rules
   * plus set and map elements of the kube-proxy table.
   */
  proxyRuleCount(nodeName: string): number;
}

/**
 * kube-proxy's rules in KUBE-* chains. KUBE-FIREWALL is kubelet's (pkg/kubelet/kubelet_network_linux.go);
 * only iptables-mode kube-proxy writes a copy of its rule, so other modes leave it out.
 */
function kubeIptablesRules(rs: Ruleset, withKubeletFirewall: boolean): number {
  let n = 0;
  for (const t of [rs.nat, rs.filter]) {
    for (const r of t.rules) if (r.chain.startsWith('KUBE-') && (withKubeletFirewall || r.chain !== 'KUBE-FIREWALL')) n++;
  }
  return n;
}

/** Adds conntrack to the iptables plane (flows keep their NAT binding across rule changes). */
class TrackedIptablesPlane implements DataPlane {
  readonly tables = new ConntrackTables();
  constructor(readonly inner: IptablesDataPlane, private readonly cluster: Cluster) {}
  process(nodeName: string, packet: Packet, hook: 'PREROUTING' | 'OUTPUT'): ProxyVerdict {
    const now = this.cluster.clock.now();
    const ct = this.tables.of(nodeName);
    return trackedVerdict(ct, packet, now, 'iptables') ?? recordVerdict(ct, packet, this.inner.process(nodeName, packet, hook), now);
  }
}

/** No kube-proxy: packets pass unchanged. */
const NO_PROXY: DataPlane = {
  process: (_node, packet) => ({ packet, verdict: 'ACCEPT', masquerade: false, rules: [], tool: 'iptables' }),
};

/** Picks the plane for cluster.config.proxyMode (imitates cmd/kube-proxy/app server.go's mode switch). */
export function createDataPlane(cluster: Cluster, opts: { walkCache?: boolean } = {}): NodeDataPlane {
  const mode = cluster.config.proxyMode;
  const base = (node: string) => nonProxyIptables({ nodeName: node, nodeIP: nodeIPOf(cluster, node), clusterCIDR: cluster.config.podSubnet.text, dockerDns: KIND_DOCKER_DNS });
  const noNft = () => '';
  if (mode === 'ipvs' && cluster.config.ipvsModules !== false) {
    const p = new IpvsDataPlane(cluster, cluster.config.ipvsScheduler ?? 'rr');
    const rules = new NodeCache(cluster, (n) => renderIpvsIptables(buildServicePorts(cluster.store), { nodeName: n, nodeIP: nodeIPOf(cluster, n), clusterCIDR: cluster.config.podSubnet.text, dockerDns: KIND_DOCKER_DNS }));
    return { mode, proxyRunning: true, process: (n, pk, h) => p.process(n, pk, h), closed: (n, pk) => p.closed(n, pk), ruleset: (n) => rules.get(n), ipvs: (n) => p.virtualServers(n), nftRuleset: noNft, proxyRuleCount: (n) => p.virtualServers(n).reduce((sum, v) => sum + 1 + v.realServers.length, 0), conntrack: (n) => p.conntrack.of(n), conntrackTable: (n) => p.conntrack.of(n) };
  }
  if (mode === 'ipvs') {
    const tables = new ConntrackTables();
    return { mode, proxyRunning: false, process: NO_PROXY.process, ruleset: base, ipvs: () => undefined, nftRuleset: noNft, proxyRuleCount: () => 0, conntrack: (n) => tables.of(n), conntrackTable: (n) => tables.of(n) };
  }
  if (mode === 'nftables') {
    const p = new NftablesDataPlane(cluster);
    return { mode, proxyRunning: true, process: (n, pk, h) => p.process(n, pk, h), ruleset: base, ipvs: () => undefined, nftRuleset: (n) => p.listRuleset(n), proxyRuleCount: (n) => { const t = p.table(n); return t.chains.reduce((s2, c) => s2 + c.rules.length, 0) + t.sets.reduce((s2, x) => s2 + x.elements.length, 0); }, conntrack: (n) => p.conntrack.of(n), conntrackTable: (n) => p.conntrack.of(n) };
  }
  if (mode === 'userspace') {
    const p = new UserspaceDataPlane(cluster);
    return { mode, proxyRunning: true, process: (n, pk, h) => p.process(n, pk, h), ruleset: (n) => p.render(n).ruleset, ipvs: () => undefined, nftRuleset: noNft, proxyRuleCount: (n) => kubeIptablesRules(p.render(n).ruleset, false), conntrack: (n) => p.conntrack.of(n), conntrackTable: (n) => p.conntrack.of(n) };
  }
  const inner = new IptablesDataPlane(cluster);
  inner.useWalkCache = opts.walkCache ?? true;
  const p = new TrackedIptablesPlane(inner, cluster);
  return { mode, proxyRunning: true, process: (n, pk, h) => p.process(n, pk, h), ruleset: (n) => p.inner.ruleset(n), ipvs: () => undefined, nftRuleset: noNft, proxyRuleCount: (n) => kubeIptablesRules(p.inner.ruleset(n), true), conntrack: (n) => p.tables.of(n), conntrackTable: (n) => p.tables.of(n) };
}
