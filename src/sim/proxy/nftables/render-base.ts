/**
 * The fixed part of kube-proxy's `ip kube-proxy` table, as setupNFTables() in
 * k/k pkg/proxy/nftables/proxier.go (release-1.33) creates it: eight base chains
 * (filter at dstnat-10, filter-output-post-dnat at dstnat+10, nat at dstnat/srcnat),
 * the jump chains in nftablesJumpChains order, the masquerade chains, the dispatch
 * sets and verdict maps. (v1.34 renamed the filter chains to *-pre-dnat and moved
 * input/forward/output to priority 0; we print what v1.33 writes.)
 * Objects are created in the order the first sync's transaction adds them, which is
 * the order the kernel lists them in.
 */
import { elementKey, type NftChain, type NftElement, type NftHook, type NftSet, type NftStmt, type NftTable } from './model';

export interface NftNodeContext {
  nodeName: string;
  nodeIP: string;
  /** The pod CIDR (kube-proxy --cluster-cidr, LocalTrafficDetector by CIDR). */
  clusterCIDR: string;
  /** ServiceCIDR objects' ranges (the "kubernetes" ServiceCIDR on kind). */
  serviceCIDRs: string[];
  /** --masquerade-bit; 14 gives mark 0x4000. */
  masqueradeBit?: number;
  /** nodePortAddresses "primary" (the nftables-mode default): the node IP. */
  nodePortIPs?: string[];
}

/** Appends chains, sets and rules in creation order, like a knftables transaction. */
export class NftTableBuilder {
  readonly chains = new Map<string, NftChain>();
  readonly sets = new Map<string, NftSet>();
  private readonly seen = new Set<string>();

  chain(name: string, extra: Partial<NftChain> = {}): NftChain {
    let c = this.chains.get(name);
    if (!c) this.chains.set(name, (c = { name, rules: [], ...extra }));
    return c;
  }

  rule(chain: string, stmts: NftStmt[], comment?: string): void {
    this.chain(chain).rules.push(comment ? { stmts, comment } : { stmts });
  }

  set(set: Omit<NftSet, 'elements'>): NftSet {
    let s = this.sets.get(set.name);
    if (!s) this.sets.set(set.name, (s = { ...set, elements: [] }));
    return s;
  }

  /** ensureElem: adds an element once (a ClusterIP shared by several ports is one element). */
  element(set: string, e: NftElement): void {
    const key = `${set}|${elementKey(e.key)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.sets.get(set)!.elements.push(e);
  }

  build(comment: string): NftTable {
    return { family: 'ip', name: 'kube-proxy', comment, sets: [...this.sets.values()], chains: [...this.chains.values()] };
  }
}

const BASE: [string, 'filter' | 'nat', NftHook, number][] = [
  ['filter-prerouting', 'filter', 'prerouting', -110],
  ['filter-input', 'filter', 'input', -110],
  ['filter-forward', 'filter', 'forward', -110],
  ['filter-output', 'filter', 'output', -110],
  ['filter-output-post-dnat', 'filter', 'output', -90],
  ['nat-prerouting', 'nat', 'prerouting', -100],
  ['nat-output', 'nat', 'output', -100],
  ['nat-postrouting', 'nat', 'postrouting', 100],
];

// [jump target, base chain, only for new connections] in nftablesJumpChains order.
const JUMPS: [string, string, boolean][] = [
  ['nodeport-endpoints-check', 'filter-input', true],
  ['service-endpoints-check', 'filter-input', true],
  ['service-endpoints-check', 'filter-forward', true],
  ['service-endpoints-check', 'filter-output', true],
  ['firewall-check', 'filter-prerouting', true],
  ['firewall-check', 'filter-output', true],
  ['services', 'nat-output', false],
  ['services', 'nat-prerouting', false],
  ['masquerading', 'nat-postrouting', false],
  ['cluster-ips-check', 'filter-forward', true],
  ['cluster-ips-check', 'filter-output-post-dnat', true],
];

const VMAP_TYPE = 'ipv4_addr . inet_proto . inet_service : verdict';
const PORT_VMAP_TYPE = 'inet_proto . inet_service : verdict';

export const nftMasqMark = (ctx: NftNodeContext): number => 1 << (ctx.masqueradeBit ?? 14);

/** Mirrors setupNFTables (IPv4, nodePortAddresses not MatchAll). */
export function setupNftables(ctx: NftNodeContext): NftTableBuilder {
  const b = new NftTableBuilder();
  const mark = nftMasqMark(ctx);
  for (const [name, type, hook, priority] of BASE) b.chain(name, { base: { type, hook, priority } });
  for (const [dst, src, ctNew] of JUMPS) {
    b.chain(dst);
    b.rule(src, [...(ctNew ? [{ kind: 'ct-new' } as const] : []), { kind: 'verdict', verdict: { kind: 'jump', chain: dst } }]);
  }
  b.chain('mark-for-masquerade');
  b.rule('mark-for-masquerade', [{ kind: 'mark-set', op: '|', value: mark }]);
  b.rule('masquerading', [{ kind: 'mark-clear', mask: mark }, { kind: 'verdict', verdict: { kind: 'return' } }]);
  b.rule('masquerading', [{ kind: 'mark-set', op: '^', value: mark }]);
  b.rule('masquerading', [{ kind: 'masquerade' }]);

  b.set({ name: 'cluster-ips', kind: 'set', type: 'ipv4_addr', comment: 'Active ClusterIPs' });
  b.rule('cluster-ips-check', [{ kind: 'addr-in-set', field: 'daddr', set: 'cluster-ips' }, { kind: 'verdict', verdict: { kind: 'reject' } }],
    'Reject traffic to invalid ports of ClusterIPs');
  if (ctx.serviceCIDRs.length > 0) {
    b.rule('cluster-ips-check', [{ kind: 'addr', field: 'daddr', values: ctx.serviceCIDRs }, { kind: 'verdict', verdict: { kind: 'drop' } }],
      'Drop traffic to unallocated ClusterIPs');
  }
  const nodePorts = b.set({ name: 'nodeport-ips', kind: 'set', type: 'ipv4_addr', comment: 'IPs that accept NodePort traffic' });
  for (const ip of ctx.nodePortIPs ?? [ctx.nodeIP]) b.element(nodePorts.name, { key: [ip] });

  b.set({ name: 'no-endpoint-services', kind: 'map', type: VMAP_TYPE, comment: 'vmap to drop or reject packets to services with no endpoints' });
  b.set({ name: 'no-endpoint-nodeports', kind: 'map', type: PORT_VMAP_TYPE, comment: 'vmap to drop or reject packets to service nodeports with no endpoints' });
  b.chain('reject-chain', { comment: 'helper for @no-endpoint-services / @no-endpoint-nodeports' });
  b.rule('reject-chain', [{ kind: 'verdict', verdict: { kind: 'reject' } }]);
  b.rule('service-endpoints-check', [{ kind: 'vmap', key: 'ip-proto-port', map: 'no-endpoint-services' }]);
  b.rule('nodeport-endpoints-check', [{ kind: 'addr-in-set', field: 'daddr', set: 'nodeport-ips' }, { kind: 'vmap', key: 'proto-port', map: 'no-endpoint-nodeports' }]);

  b.set({ name: 'firewall-ips', kind: 'map', type: VMAP_TYPE, comment: 'destinations that are subject to LoadBalancerSourceRanges' });
  b.rule('firewall-check', [{ kind: 'vmap', key: 'ip-proto-port', map: 'firewall-ips' }]);

  b.set({ name: 'service-ips', kind: 'map', type: VMAP_TYPE, comment: 'ClusterIP, ExternalIP and LoadBalancer IP traffic' });
  b.set({ name: 'service-nodeports', kind: 'map', type: PORT_VMAP_TYPE, comment: 'NodePort traffic' });
  b.rule('services', [{ kind: 'vmap', key: 'ip-proto-port', map: 'service-ips' }]);
  b.rule('services', [{ kind: 'addr-in-set', field: 'daddr', set: 'nodeport-ips' }, { kind: 'vmap', key: 'proto-port', map: 'service-nodeports' }]);
  return b;
}
