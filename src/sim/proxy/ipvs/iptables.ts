/**
 * The iptables rules kube-proxy's ipvs mode adds to a node (k/k pkg/proxy/ipvs/proxier.go:
 * iptablesJumpChain, iptablesChains, ipsetWithIptablesChain, writeIptablesRules,
 * acceptIPVSTraffic): masquerading by ipset (KUBE-CLUSTER-IP, KUBE-NODE-PORT-TCP,
 * KUBE-LOOP-BACK...), the KUBE-IPVS-FILTER that rejects other ports of Service addresses,
 * and the forwarding rules. Rules for an empty ipset are left out, as kube-proxy does.
 * Departure: externalIPs and loadBalancerSourceRanges rules are not rendered.
 */
import { nonProxyIptables } from '../iptables/node-base';
import type { IptablesNodeContext } from '../iptables/render-base';
import type { Match, Rule, Ruleset, Table, Target } from '../iptables/rules';
import type { ProxyServicePort } from '../service-port';

const comment = (text: string): Match => ({ kind: 'comment', text });
const set = (name: string, flags: string): Match => ({ kind: 'set', name, flags });
const MARK = 0x4000;

/** [table, from, to, comment] in kube-proxy's order; each is prepended to its hook chain. */
const JUMPS: ['nat' | 'filter', string, string, string][] = [
  ['nat', 'OUTPUT', 'KUBE-SERVICES', 'kubernetes service portals'],
  ['nat', 'PREROUTING', 'KUBE-SERVICES', 'kubernetes service portals'],
  ['nat', 'POSTROUTING', 'KUBE-POSTROUTING', 'kubernetes postrouting rules'],
  ['filter', 'FORWARD', 'KUBE-FORWARD', 'kubernetes forwarding rules'],
  ['filter', 'INPUT', 'KUBE-NODE-PORT', 'kubernetes health check rules'],
  ['filter', 'INPUT', 'KUBE-PROXY-FIREWALL', 'kube-proxy firewall rules'],
  ['filter', 'FORWARD', 'KUBE-PROXY-FIREWALL', 'kube-proxy firewall rules'],
  ['filter', 'INPUT', 'KUBE-IPVS-FILTER', 'kubernetes ipvs access filter'],
  ['filter', 'OUTPUT', 'KUBE-IPVS-OUT-FILTER', 'kubernetes ipvs access filter'],
];
const NAT_CHAINS = ['KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ'];
const FILTER_CHAINS = ['KUBE-FORWARD', 'KUBE-NODE-PORT', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'KUBE-IPVS-FILTER', 'KUBE-IPVS-OUT-FILTER'];

/** The node's iptables in ipvs mode: kind's own rules plus kube-proxy's ipvs-mode rules. */
export function renderIpvsIptables(ports: ProxyServicePort[], ctx: IptablesNodeContext): Ruleset {
  const base = nonProxyIptables(ctx);
  const nat: Rule[] = [];
  const filter: Rule[] = [];
  const add = (to: Rule[], chain: string, matches: Match[], target: Target) => to.push({ chain, matches, target });
  const some = (f: (sp: ProxyServicePort) => boolean) => ports.some(f);
  const nodePort = (proto: string, local: boolean) => some((sp) => sp.nodePort !== undefined && sp.protocol === proto && sp.externalPolicyLocal === local);
  const hasLB = some((sp) => sp.loadBalancerIPs.length > 0);

  add(nat, 'KUBE-SERVICES', [{ kind: 'src', cidr: '127.0.0.0/8' }], { kind: 'RETURN' });
  if (some((sp) => sp.endpoints.some((e) => e.ready && e.nodeName === ctx.nodeName))) {
    add(nat, 'KUBE-POSTROUTING', [comment('Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose'), set('KUBE-LOOP-BACK', 'dst,dst,src')], { kind: 'MASQUERADE' });
  }
  if (hasLB) add(nat, 'KUBE-SERVICES', [comment('Kubernetes service lb portal'), set('KUBE-LOAD-BALANCER', 'dst,dst')], { kind: 'jump', chain: 'KUBE-LOAD-BALANCER' });
  if (some((sp) => sp.loadBalancerIPs.length > 0 && sp.externalPolicyLocal)) {
    add(nat, 'KUBE-LOAD-BALANCER', [comment('Kubernetes service load balancer ip + port with externalTrafficPolicy=local'), set('KUBE-LOAD-BALANCER-LOCAL', 'dst,dst')], { kind: 'RETURN' });
  }
  for (const proto of ['TCP', 'UDP'] as const) {
    const p = proto.toLowerCase() as 'tcp' | 'udp';
    if (nodePort(proto, true)) add(nat, 'KUBE-NODE-PORT', [{ kind: 'proto', proto: p }, comment(`Kubernetes nodeport ${proto} port with externalTrafficPolicy=local`), set(`KUBE-NODE-PORT-LOCAL-${proto}`, 'dst')], { kind: 'RETURN' });
    if (nodePort(proto, true) || nodePort(proto, false)) add(nat, 'KUBE-NODE-PORT', [{ kind: 'proto', proto: p }, comment(`Kubernetes nodeport ${proto} port for masquerade purpose`), set(`KUBE-NODE-PORT-${proto}`, 'dst')], { kind: 'jump', chain: 'KUBE-MARK-MASQ' });
  }
  add(nat, 'KUBE-SERVICES', [{ kind: 'src', cidr: ctx.clusterCIDR, invert: true }, comment('Kubernetes service cluster ip + port for masquerade purpose'), set('KUBE-CLUSTER-IP', 'dst,dst')], { kind: 'jump', chain: 'KUBE-MARK-MASQ' });
  add(nat, 'KUBE-SERVICES', [{ kind: 'addrtype', dstType: 'LOCAL' }], { kind: 'jump', chain: 'KUBE-NODE-PORT' });
  add(nat, 'KUBE-LOAD-BALANCER', [], { kind: 'jump', chain: 'KUBE-MARK-MASQ' });
  add(nat, 'KUBE-SERVICES', [set('KUBE-CLUSTER-IP', 'dst,dst')], { kind: 'ACCEPT' });
  if (hasLB) add(nat, 'KUBE-SERVICES', [set('KUBE-LOAD-BALANCER', 'dst,dst')], { kind: 'ACCEPT' });
  add(nat, 'KUBE-POSTROUTING', [{ kind: 'mark', value: MARK, mask: MARK, invert: true }], { kind: 'RETURN' });
  add(nat, 'KUBE-POSTROUTING', [], { kind: 'MARK', value: MARK, mask: 0 });
  add(nat, 'KUBE-POSTROUTING', [comment('kubernetes service traffic requiring SNAT')], { kind: 'MASQUERADE', randomFully: true });
  add(nat, 'KUBE-MARK-MASQ', [], { kind: 'MARK', value: MARK, mask: MARK });

  add(filter, 'KUBE-SOURCE-RANGES-FIREWALL', [], { kind: 'DROP' });
  add(filter, 'KUBE-FORWARD', [comment('kubernetes forwarding rules'), { kind: 'mark', value: MARK, mask: MARK }], { kind: 'ACCEPT' });
  add(filter, 'KUBE-FORWARD', [comment('kubernetes forwarding conntrack rule'), { kind: 'conntrack', states: ['RELATED', 'ESTABLISHED'] }], { kind: 'ACCEPT' });
  add(filter, 'KUBE-NODE-PORT', [comment('Kubernetes health check node port'), set('KUBE-HEALTH-CHECK-NODE-PORT', 'dst')], { kind: 'ACCEPT' });
  for (const [name, flags] of [['KUBE-LOAD-BALANCER', 'dst,dst'], ['KUBE-CLUSTER-IP', 'dst,dst'], ['KUBE-EXTERNAL-IP', 'dst,dst'], ['KUBE-EXTERNAL-IP-LOCAL', 'dst,dst'], ['KUBE-HEALTH-CHECK-NODE-PORT', 'dst']] as const) {
    add(filter, 'KUBE-IPVS-FILTER', [set(name, flags)], { kind: 'RETURN' });
  }
  add(filter, 'KUBE-IPVS-FILTER', [{ kind: 'conntrack', states: ['NEW'] }, set('KUBE-IPVS-IPS', 'dst')], { kind: 'REJECT' });

  const jumps = (table: 'nat' | 'filter'): Rule[] => JUMPS.filter((j) => j[0] === table).reverse().map(([, from, to, text]) => ({ chain: from, matches: [comment(text)], target: { kind: 'jump', chain: to } }));
  const merge = (t: Table, chains: string[], rules: Rule[], table: 'nat' | 'filter'): Table => ({ ...t, chains: [...t.chains, ...chains], rules: [...jumps(table), ...t.rules, ...rules] });
  return { mangle: base.mangle, nat: merge(base.nat, NAT_CHAINS, nat, 'nat'), filter: merge(base.filter, FILTER_CHAINS, filter, 'filter') };
}
