/**
 * The `ip kube-proxy` nftables table as structured data: what kube-proxy's nftables mode
 * (k/k pkg/proxy/nftables/proxier.go, v1.33) writes. One printer (print.ts) turns it into
 * `nft list ruleset` text and one walker (net/nft-walk.ts) evaluates it, so they agree.
 * Statements are kept in the canonical form nft prints back (`meta mark set meta mark |
 * 0x00004000`, not kube-proxy's input `mark set mark or 0x4000`).
 */

export type NftVerdict =
  | { kind: 'jump' | 'goto'; chain: string }
  | { kind: 'return' | 'drop' | 'reject' | 'accept' };

export type NftAddrField = 'saddr' | 'daddr';
export type NftL4 = 'tcp' | 'udp' | 'sctp';

export type NftStmt =
  /** `ct state new` */
  | { kind: 'ct-new' }
  /** `ip daddr 1.2.3.4`, `ip saddr != 10.0.0.0/8`, `ip saddr != { a, b }` */
  | { kind: 'addr'; field: NftAddrField; negate?: boolean; values: string[] }
  /** `ip daddr @cluster-ips`, `ip saddr @affinity-...` */
  | { kind: 'addr-in-set'; field: NftAddrField; set: string }
  /** `tcp dport 80` */
  | { kind: 'dport'; proto: NftL4; port: number }
  /** `fib saddr type local` */
  | { kind: 'fib-local'; field: NftAddrField }
  /** `meta mark & 0x00004000 == 0x00000000` */
  | { kind: 'mark-clear'; mask: number }
  /** `ip daddr . meta l4proto . th dport vmap @m` or `meta l4proto . th dport vmap @m` */
  | { kind: 'vmap'; key: 'ip-proto-port' | 'proto-port'; map: string }
  /** `numgen random mod N vmap { 0 : goto a, ... }` */
  | { kind: 'numgen'; targets: string[] }
  /** `meta l4proto tcp` */
  | { kind: 'l4proto'; proto: NftL4 }
  /** `meta mark set meta mark | 0x00004000` (or `^`) */
  | { kind: 'mark-set'; op: '|' | '^'; value: number }
  | { kind: 'masquerade' }
  /** `dnat to ip:port` */
  | { kind: 'dnat'; to: string }
  /** `update @set { ip saddr }` */
  | { kind: 'update-saddr'; set: string }
  | { kind: 'verdict'; verdict: NftVerdict };

export interface NftRule {
  stmts: NftStmt[];
  comment?: string;
}

export type NftHook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';

export interface NftChain {
  name: string;
  comment?: string;
  base?: { type: 'filter' | 'nat'; hook: NftHook; priority: number };
  rules: NftRule[];
}

export interface NftElement {
  /** Key components, e.g. ["10.96.0.10", "udp", "53"]; one entry for a plain set. */
  key: string[];
  /** Map value: a verdict. */
  value?: NftVerdict;
  comment?: string;
  /** Dynamic elements (affinity sets): absolute expiry in simulation seconds. */
  expiresAt?: number;
}

export interface NftSet {
  name: string;
  kind: 'set' | 'map';
  /** e.g. "ipv4_addr . inet_proto . inet_service : verdict" */
  type: string;
  flags?: ('dynamic' | 'timeout')[];
  /** Default element timeout in seconds. */
  timeout?: number;
  comment?: string;
  elements: NftElement[];
}

export interface NftTable {
  family: 'ip' | 'ip6';
  name: string;
  comment?: string;
  /** In creation order, as the kernel lists them. */
  sets: NftSet[];
  chains: NftChain[];
}

/** Chain/set lookups by name, built once per rendered table (the walker's index). */
export interface NftIndex {
  table: NftTable;
  chains: Map<string, NftChain>;
  sets: Map<string, NftSet>;
  /** Per set: element key joined with " . " -> element. */
  elements: Map<string, Map<string, NftElement>>;
  /** Base chains per hook, by priority (the order the kernel runs them). */
  hooks: Map<NftHook, NftChain[]>;
}

export const elementKey = (key: readonly string[]): string => key.join(' . ');

export function indexTable(table: NftTable): NftIndex {
  const elements = new Map<string, Map<string, NftElement>>();
  for (const s of table.sets) elements.set(s.name, new Map(s.elements.map((e) => [elementKey(e.key), e])));
  const hooks = new Map<NftHook, NftChain[]>();
  for (const c of table.chains) if (c.base) hooks.set(c.base.hook, [...(hooks.get(c.base.hook) ?? []), c]);
  for (const list of hooks.values()) list.sort((a, b) => a.base!.priority - b.base!.priority);
  return {
    table,
    hooks,
    chains: new Map(table.chains.map((c) => [c.name, c])),
    sets: new Map(table.sets.map((s) => [s.name, s])),
    elements,
  };
}
