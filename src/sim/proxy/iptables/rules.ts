/**
 * iptables rules as structured data: what kube-proxy (and kubelet, docker, kindnetd)
 * put in a node's tables. One printer (save.ts) turns them into `iptables-save` text and
 * one walker (net/iptables-walk.ts) evaluates them, so the two can never disagree.
 * `matches` keeps the order the rule was written in; the printer moves -s/-d/-p first,
 * as iptables itself does, and keeps the modules in order.
 */

export type TableName = 'mangle' | 'filter' | 'nat';
export type L4 = 'tcp' | 'udp' | 'sctp';
export type CtState = 'NEW' | 'INVALID' | 'RELATED' | 'ESTABLISHED' | 'DNAT';

export type Match =
  | { kind: 'src'; cidr: string; invert?: boolean }
  | { kind: 'dst'; cidr: string; invert?: boolean }
  | { kind: 'proto'; proto: L4 }
  | { kind: 'comment'; text: string }
  /** `-m tcp` / `-m udp` with its port options. */
  | { kind: 'l4'; proto: L4; dport?: number; sport?: number }
  | { kind: 'addrtype'; srcType?: 'LOCAL'; dstType?: 'LOCAL'; invert?: boolean }
  | { kind: 'mark'; value: number; mask: number; invert?: boolean }
  | { kind: 'conntrack'; states: CtState[]; invert?: boolean }
  /** The probability kube-proxy passed (1/n to 10 places); the kernel keeps it in 31 bits. */
  | { kind: 'statistic'; probability: number }
  | { kind: 'recent'; op: 'set' | 'rcheck'; name: string; seconds?: number; reap?: boolean }
  | { kind: 'nfacct'; name: string }
  /** An ipset match (ipvs mode): `-m set [!] --match-set NAME dst,dst`. */
  | { kind: 'set'; name: string; flags: string; invert?: boolean };

export type Target =
  | { kind: 'jump'; chain: string }
  | { kind: 'goto'; chain: string }
  | { kind: 'ACCEPT' }
  | { kind: 'DROP' }
  | { kind: 'RETURN' }
  | { kind: 'REJECT' }
  /** mark = (mark & ~mask) ^ value: --or-mark v is v/v, --xor-mark v is v/0. */
  | { kind: 'MARK'; value: number; mask: number }
  | { kind: 'DNAT'; to: string }
  | { kind: 'SNAT'; to: string }
  /** Userspace-mode portals: to the node's own address, on the proxy's port. */
  | { kind: 'REDIRECT'; toPorts: number }
  | { kind: 'MASQUERADE'; randomFully?: boolean };

export interface Rule {
  chain: string;
  matches: Match[];
  /** Absent for a rule that only counts (kube-proxy's "other traffic ... will be dropped"). */
  target?: Target;
}

export interface Table {
  name: TableName;
  /** Built-in chains in hook order; their policy is ACCEPT on a kind node. */
  builtins: string[];
  /** User-defined chains (any order; the printer sorts them as iptables-nft does). */
  chains: string[];
  /** Rules in append order; the order within a chain is evaluation order. */
  rules: Rule[];
}

export interface Ruleset {
  mangle: Table;
  filter: Table;
  nat: Table;
}

export const BUILTINS: Record<TableName, string[]> = {
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/** Collects a table's chains and rules; append() and prepend() act like iptables -A / -I. */
export class TableBuilder {
  private readonly chainSet = new Set<string>();
  private readonly byChain = new Map<string, Rule[]>();

  constructor(readonly name: TableName) {}

  chain(name: string): this {
    this.chainSet.add(name);
    return this;
  }

  append(chain: string, matches: Match[], target?: Target): this {
    this.list(chain).push(target ? { chain, matches, target } : { chain, matches });
    return this;
  }

  prepend(chain: string, matches: Match[], target?: Target): this {
    this.list(chain).unshift(target ? { chain, matches, target } : { chain, matches });
    return this;
  }

  build(): Table {
    const chains = [...BUILTINS[this.name], ...[...this.byChain.keys()].filter((c) => !BUILTINS[this.name].includes(c))];
    const rules = chains.flatMap((c) => this.byChain.get(c) ?? []);
    return { name: this.name, builtins: BUILTINS[this.name], chains: [...this.chainSet], rules };
  }

  private list(chain: string): Rule[] {
    let l = this.byChain.get(chain);
    if (!l) this.byChain.set(chain, (l = []));
    return l;
  }
}

/** Rules of one chain, in evaluation order. */
export function rulesOf(table: Table, chain: string): Rule[] {
  return table.rules.filter((r) => r.chain === chain);
}
