/**
 * The rules a kind node has besides the per-service ones, in the order they end up in:
 * - docker's embedded-DNS NAT (DOCKER_OUTPUT / DOCKER_POSTROUTING), rewritten by kind's
 *   entrypoint (images/base/files/usr/local/bin/entrypoint, enable_network_magic) to the
 *   docker network gateway and copied to PREROUTING so pods reach it too;
 * - kubelet's, in every proxy mode (k/k pkg/kubelet/kubelet_network_linux.go
 *   syncIPTablesRules and initNetworkUtil's Monitor): KUBE-IPTABLES-HINT, the
 *   KUBE-KUBELET-CANARY chains, and KUBE-FIREWALL with its "block incoming localnet
 *   connections" rule and the INPUT/OUTPUT jumps to it. Kubelet prepends those jumps when
 *   it starts, before kube-proxy runs, and EnsureRule never moves an existing rule, so
 *   they end up below every jump kube-proxy prepends later;
 * - kube-proxy's jumps (k/k pkg/proxy/iptables/proxier.go iptablesJumpChains, each
 *   *prepended*, so they end up in reverse list order) and its fixed chains
 *   (KUBE-POSTROUTING, KUBE-MARK-MASQ, KUBE-FORWARD, KUBE-PROXY-CANARY). In iptables mode
 *   kube-proxy also rewrites kubelet's KUBE-FIREWALL with an identical copy of its rule
 *   (when localhostNodePorts is on); the chain still holds that one rule;
 * - kindnetd's masquerade agent (images/kindnetd/cmd/kindnetd/masq.go), appended last.
 * Order checked against real `iptables-save` output from kind and kubeadm nodes.
 */
import { TableBuilder, type Match } from './rules';

export interface IptablesNodeContext {
  nodeName: string;
  nodeIP: string;
  /** The cluster's pod subnet (kube-proxy clusterCIDR, kindnetd POD_SUBNET). */
  clusterCIDR: string;
  /** --iptables-masquerade-bit; 14 gives mark 0x4000. */
  masqueradeBit?: number;
  /** Whether the kernel has nfacct (kube-proxy then adds counters); true on usual kind hosts. */
  nfacct?: boolean;
  /** --iptables-localhost-nodeports (default true). */
  localhostNodePorts?: boolean;
  /** Docker's embedded DNS as kind rewires it; omit to leave the DOCKER_* chains out. */
  dockerDns?: { gatewayIP: string; tcpPort: number; udpPort: number };
  /** kindnetd's KIND-MASQ-AGENT (default true). */
  kindMasqAgent?: boolean;
}

export interface Builders {
  mangle: TableBuilder;
  filter: TableBuilder;
  nat: TableBuilder;
}

export const masqMark = (ctx: IptablesNodeContext): number => 1 << (ctx.masqueradeBit ?? 14);

const comment = (text: string): Match => ({ kind: 'comment', text });
const ctNew: Match = { kind: 'conntrack', states: ['NEW'] };

// [table, kube chain, hook chain, comment, extra matches] in kube-proxy's list order.
const JUMPS: [keyof Builders, string, string, string, Match[]][] = [
  ['filter', 'KUBE-EXTERNAL-SERVICES', 'INPUT', 'kubernetes externally-visible service portals', [ctNew]],
  ['filter', 'KUBE-EXTERNAL-SERVICES', 'FORWARD', 'kubernetes externally-visible service portals', [ctNew]],
  ['filter', 'KUBE-NODEPORTS', 'INPUT', 'kubernetes health check service ports', []],
  ['filter', 'KUBE-SERVICES', 'FORWARD', 'kubernetes service portals', [ctNew]],
  ['filter', 'KUBE-SERVICES', 'OUTPUT', 'kubernetes service portals', [ctNew]],
  ['filter', 'KUBE-FORWARD', 'FORWARD', 'kubernetes forwarding rules', []],
  ['filter', 'KUBE-PROXY-FIREWALL', 'INPUT', 'kubernetes load balancer firewall', [ctNew]],
  ['filter', 'KUBE-PROXY-FIREWALL', 'OUTPUT', 'kubernetes load balancer firewall', [ctNew]],
  ['filter', 'KUBE-PROXY-FIREWALL', 'FORWARD', 'kubernetes load balancer firewall', [ctNew]],
  ['nat', 'KUBE-SERVICES', 'OUTPUT', 'kubernetes service portals', []],
  ['nat', 'KUBE-SERVICES', 'PREROUTING', 'kubernetes service portals', []],
  ['nat', 'KUBE-POSTROUTING', 'POSTROUTING', 'kubernetes postrouting rules', []],
];

function dockerDns(nat: TableBuilder, dns: NonNullable<IptablesNodeContext['dockerDns']>): void {
  const gw = dns.gatewayIP;
  nat.chain('DOCKER_OUTPUT').chain('DOCKER_POSTROUTING');
  nat.append('OUTPUT', [{ kind: 'dst', cidr: gw }], { kind: 'jump', chain: 'DOCKER_OUTPUT' });
  nat.append('PREROUTING', [{ kind: 'dst', cidr: gw }], { kind: 'jump', chain: 'DOCKER_OUTPUT' });
  nat.append('POSTROUTING', [{ kind: 'dst', cidr: gw }], { kind: 'jump', chain: 'DOCKER_POSTROUTING' });
  for (const [proto, port] of [['tcp', dns.tcpPort], ['udp', dns.udpPort]] as const) {
    nat.append('DOCKER_OUTPUT', [{ kind: 'dst', cidr: gw }, { kind: 'proto', proto }, { kind: 'l4', proto, dport: 53 }], {
      kind: 'DNAT', to: `127.0.0.11:${port}`,
    });
    nat.append('DOCKER_POSTROUTING', [{ kind: 'src', cidr: '127.0.0.11' }, { kind: 'proto', proto }, { kind: 'l4', proto, sport: port }], {
      kind: 'SNAT', to: `${gw}:53`,
    });
  }
}

/** Everything but the per-service rules and the final KUBE-SERVICES -> KUBE-NODEPORTS jump. */
export function baseBuilders(ctx: IptablesNodeContext): Builders {
  const b: Builders = { mangle: new TableBuilder('mangle'), filter: new TableBuilder('filter'), nat: new TableBuilder('nat') };
  const mark = masqMark(ctx);
  b.mangle.chain('KUBE-IPTABLES-HINT');
  for (const t of [b.mangle, b.filter, b.nat]) t.chain('KUBE-KUBELET-CANARY').chain('KUBE-PROXY-CANARY');
  if (ctx.dockerDns) dockerDns(b.nat, ctx.dockerDns);

  // kubelet's jumps first (see above): kube-proxy's prepends below land on top of them.
  b.filter.chain('KUBE-FIREWALL');
  b.filter.append('INPUT', [], { kind: 'jump', chain: 'KUBE-FIREWALL' }).append('OUTPUT', [], { kind: 'jump', chain: 'KUBE-FIREWALL' });
  for (const [table, dst, src, text, extra] of JUMPS) {
    b[table].chain(dst).prepend(src, [...extra, comment(text)], { kind: 'jump', chain: dst });
  }
  b.filter.chain('KUBE-FORWARD');
  b.nat.chain('KUBE-MARK-MASQ').chain('KUBE-NODEPORTS');

  b.nat.append('KUBE-POSTROUTING', [{ kind: 'mark', value: mark, mask: mark, invert: true }], { kind: 'RETURN' });
  b.nat.append('KUBE-POSTROUTING', [], { kind: 'MARK', value: mark, mask: 0 });
  b.nat.append('KUBE-POSTROUTING', [comment('kubernetes service traffic requiring SNAT')], { kind: 'MASQUERADE', randomFully: true });
  b.nat.append('KUBE-MARK-MASQ', [], { kind: 'MARK', value: mark, mask: mark });

  // kubelet's rule (IPv4 only), whatever kube-proxy's mode or localhostNodePorts.
  b.filter.append('KUBE-FIREWALL', [
    comment('block incoming localnet connections'),
    { kind: 'dst', cidr: '127.0.0.0/8' },
    { kind: 'src', cidr: '127.0.0.0/8', invert: true },
    { kind: 'conntrack', states: ['RELATED', 'ESTABLISHED', 'DNAT'], invert: true },
  ], { kind: 'DROP' });
  const invalid: Match[] = [{ kind: 'conntrack', states: ['INVALID'] }];
  if (ctx.nfacct ?? true) invalid.push({ kind: 'nfacct', name: 'ct_state_invalid_dropped_pkts' });
  b.filter.append('KUBE-FORWARD', invalid, { kind: 'DROP' });
  b.filter.append('KUBE-FORWARD', [comment('kubernetes forwarding rules'), { kind: 'mark', value: mark, mask: mark }], { kind: 'ACCEPT' });
  b.filter.append('KUBE-FORWARD', [comment('kubernetes forwarding conntrack rule'), { kind: 'conntrack', states: ['RELATED', 'ESTABLISHED'] }], { kind: 'ACCEPT' });

  if (ctx.kindMasqAgent ?? true) {
    b.nat.chain('KIND-MASQ-AGENT');
    b.nat.append('KIND-MASQ-AGENT', [{ kind: 'dst', cidr: ctx.clusterCIDR }, comment('kind-masq-agent: local traffic is not subject to MASQUERADE')], { kind: 'RETURN' });
    b.nat.append('KIND-MASQ-AGENT', [comment('kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)')], { kind: 'MASQUERADE' });
    b.nat.append('POSTROUTING', [
      { kind: 'addrtype', dstType: 'LOCAL', invert: true },
      comment('kind-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom KIND-MASQ-AGENT chain'),
    ], { kind: 'jump', chain: 'KIND-MASQ-AGENT' });
  }
  return b;
}
