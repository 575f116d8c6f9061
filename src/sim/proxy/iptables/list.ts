/**
 * `iptables -t TABLE -L [CHAIN] [-n] [-v] [--line-numbers]` and `iptables -S [CHAIN]`, printed
 * from the same Ruleset as iptables-save (save.ts), as iptables 1.8.9 (nf_tables) prints them:
 * iptables/xshared.c print_header ("Chain X (policy ACCEPT)" / "(N references)", the column
 * heads "%-9s " target, " prot ", "opt", " %-6s " in, "%-6s " out, " %-19s " source and
 * destination) and the rule lines (nft-ipv4.c / xshared.c print_rule_details: target "%-9s ",
 * '!' or ' ' for the protocol, "%-5s" protocol, "-- " options, the addresses, then each match's
 * and the target's print() from libxt_*.c, each starting with a space). Chains are separated by
 * a blank line; -v adds the counters (always 0 here: the simulation counts no packets).
 */
import { parseCidr } from '../../net/ip';
import { formatProbability, formatRule } from './format-rule';
import type { Match, Rule, Table, Target } from './rules';
import { sortedChains } from './save';

export interface ListOptions {
  chain?: string;
  numeric: boolean;
  verbose: boolean;
  lineNumbers: boolean;
  /** Addresses the node's /etc/hosts names (its own IP -> its name): shown without -n. */
  hostNames?: Record<string, string>;
}

/** Debian's /etc/services names of the ports kube-proxy's rules use (getservbyport without -n). */
const SERVICES: Record<number, string> = { 53: 'domain', 80: 'http', 443: 'https', 8080: 'http-alt' };

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;

function port(n: number, numeric: boolean): string {
  return numeric ? String(n) : (SERVICES[n] ?? String(n));
}

function address(cidr: string | undefined, opts: ListOptions): string {
  if (!cidr) return opts.numeric ? '0.0.0.0/0' : 'anywhere';
  const p = parseCidr(cidr.includes('/') ? cidr : `${cidr}/32`);
  if (!p) return cidr;
  const [ip, bits] = p.text.split('/') as [string, string];
  if (bits === '0') return opts.numeric ? '0.0.0.0/0' : 'anywhere';
  if (bits === '32') return !opts.numeric && opts.hostNames?.[ip] ? opts.hostNames[ip]! : ip;
  return p.text;
}

function matchText(m: Match, numeric: boolean): string {
  const not = (i?: boolean) => (i ? ' !' : '');
  switch (m.kind) {
    case 'src':
    case 'dst':
    case 'proto':
      return '';
    case 'comment':
      return ` /* ${m.text} */`;
    case 'l4':
      return ` ${m.proto}${m.sport !== undefined ? ` spt:${port(m.sport, numeric)}` : ''}${m.dport !== undefined ? ` dpt:${port(m.dport, numeric)}` : ''}`;
    case 'addrtype': {
      let s = ' ADDRTYPE match';
      if (m.srcType) s += ` src-type ${m.invert ? '!' : ''}${m.srcType}`;
      if (m.dstType) s += ` dst-type ${m.invert ? '!' : ''}${m.dstType}`;
      return s;
    }
    case 'mark':
      return ` mark match${not(m.invert)} ${hex(m.value)}${m.mask === 0xffffffff ? '' : `/${hex(m.mask)}`}`;
    case 'conntrack':
      return `${not(m.invert)} ctstate ${m.states.join(',')}`;
    case 'statistic':
      return ` statistic mode random probability ${formatProbability(m.probability)}`;
    case 'recent':
      return ` recent: ${m.op === 'set' ? 'SET' : 'CHECK'}${m.seconds !== undefined ? ` seconds: ${m.seconds}` : ''}${m.reap ? ' reap' : ''} name: ${m.name} side: source mask: 255.255.255.255`;
    case 'nfacct':
      return ` nfacct-name  ${m.name}`;
    case 'set':
      return `${not(m.invert)} match-set ${m.name} ${m.flags}`;
  }
}

/** libxt_MARK mark_tg_print, libxt_DNAT/SNAT (" to:"), libxt_MASQUERADE, libxt_REJECT, libxt_REDIRECT. */
function targetText(t: Target | undefined): string {
  if (!t) return '';
  switch (t.kind) {
    case 'goto':
      return ' [goto]';
    case 'MARK':
      if (t.value === t.mask) return ` MARK or ${hex(t.value)}`;
      if (t.mask === 0) return ` MARK xor ${hex(t.value)}`;
      if (t.mask === 0xffffffff) return ` MARK set ${hex(t.value)}`;
      return ` MARK xset ${hex(t.value)}/${hex(t.mask)}`;
    case 'DNAT':
    case 'SNAT':
      return ` to:${t.to}`;
    case 'MASQUERADE':
      return t.randomFully ? ' random-fully' : '';
    case 'REJECT':
      return ' reject-with icmp-port-unreachable';
    case 'REDIRECT':
      return ` redir ports ${t.toPorts}`;
    default:
      return '';
  }
}

function targetName(t: Target | undefined): string {
  if (!t) return '';
  return t.kind === 'jump' || t.kind === 'goto' ? t.chain : t.kind;
}

function header(opts: ListOptions): string {
  let s = opts.lineNumbers ? 'num  ' : '';
  if (opts.verbose) s += ' pkts bytes ';
  s += 'target    ' + ' prot ' + 'opt';
  if (opts.verbose) s += ' in     out    ';
  return `${s} ${'source'.padEnd(19)}  ${'destination'.padEnd(19)} \n`;
}

function ruleLine(rule: Rule, n: number, opts: ListOptions): string {
  let s = opts.lineNumbers ? `${String(n).padEnd(4)} ` : '';
  if (opts.verbose) s += '    0     0 ';
  s += `${targetName(rule.target).padEnd(9)} `;
  const proto = rule.matches.find((m) => m.kind === 'proto');
  s += ` ${(proto && proto.kind === 'proto' ? proto.proto : 'all').padEnd(5)}-- `;
  if (opts.verbose) s += ' *      *      ';
  const src = rule.matches.find((m) => m.kind === 'src');
  const dst = rule.matches.find((m) => m.kind === 'dst');
  // print_ipv4_addresses: '!' or ' ', then the address "%-19s ".
  const side = (m: Match | undefined) =>
    m && (m.kind === 'src' || m.kind === 'dst') ? `${m.invert ? '!' : ' '}${address(m.cidr, opts).padEnd(19)} ` : ` ${address(undefined, opts).padEnd(19)} `;
  s += side(src) + side(dst);
  for (const m of rule.matches) s += matchText(m, opts.numeric);
  return `${s}${targetText(rule.target)}\n`;
}

function references(table: Table, chain: string): number {
  return table.rules.filter((r) => (r.target?.kind === 'jump' || r.target?.kind === 'goto') && r.target.chain === chain).length;
}

/** The chains of a table in listing order: built-ins (hook order), then user chains sorted. */
function chainsOf(table: Table): string[] {
  return [...table.builtins, ...sortedChains(table)];
}

export function hasChain(table: Table, chain: string): boolean {
  return chainsOf(table).includes(chain);
}

export function printIptablesList(table: Table, opts: ListOptions): string {
  const chains = opts.chain ? [opts.chain] : chainsOf(table);
  return chains
    .map((chain) => {
      const head = table.builtins.includes(chain)
        ? `Chain ${chain} (policy ACCEPT${opts.verbose ? ' 0 packets, 0 bytes' : ''})\n`
        : `Chain ${chain} (${references(table, chain)} references)\n`;
      const rules = table.rules.filter((r) => r.chain === chain);
      return head + header(opts) + rules.map((r, i) => ruleLine(r, i + 1, opts)).join('');
    })
    .join('\n');
}

/** `iptables -S [CHAIN]`: -P for built-ins, -N for user chains, then the rules as iptables-save writes them. */
export function printIptablesRules(table: Table, chain?: string): string {
  const chains = chain ? [chain] : chainsOf(table);
  const lines = chains.map((c) => (table.builtins.includes(c) ? `-P ${c} ACCEPT` : `-N ${c}`));
  for (const c of chains) for (const r of table.rules) if (r.chain === c) lines.push(formatRule(r));
  return `${lines.join('\n')}\n`;
}
