/**
 * One rule as `iptables-save` prints it (iptables 1.8.x, nf_tables backend): addresses
 * first (`[!] -s`, `[!] -d`, always with a prefix length), then `-p`, then each module in
 * the order the rule was written, then the target. Formats follow iptables' own save
 * functions: xtables_save_string (quoting), libxt_statistic (%.11f of the 31-bit kernel
 * value), libxt_recent (--mask/--rsource), libxt_nfacct (its double space), libxt_MARK
 * (--set-xmark), libxt_REJECT (--reject-with).
 */
import { parseCidr } from '../../net/ip';
import type { Match, Rule, Target } from './rules';

const NO_QUOTE = /^[A-Za-z0-9_-]+$/;

/** xtables_save_string: bare when only [A-Za-z0-9_-], else double-quoted with \ escapes. */
export function saveString(value: string): string {
  if (NO_QUOTE.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** "10.0.0.1" -> "10.0.0.1/32"; a CIDR keeps its length, its host bits cleared. */
export function saveAddress(cidrOrIp: string): string {
  const parsed = parseCidr(cidrOrIp.includes('/') ? cidrOrIp.trim() : `${cidrOrIp}/32`);
  return parsed ? parsed.text : cidrOrIp;
}

const TWO_31 = 2 ** 31;

/** The 31-bit fixed-point value the kernel stores: lround(0x80000000 * p). */
export function statisticFixedPoint(probability: number): number {
  return Math.round(probability * TWO_31);
}

/** Match probability the kernel really applies for a given --probability. */
export function kernelProbability(probability: number): number {
  return statisticFixedPoint(probability) / TWO_31;
}

/** printf("%.11f", q / 2^31), exact and rounding half to even as glibc does. */
export function formatProbability(probability: number): string {
  const den = 1n << 31n;
  const num = BigInt(statisticFixedPoint(probability)) * 10n ** 11n;
  let whole = num / den;
  const twiceRem = (num % den) * 2n;
  if (twiceRem > den || (twiceRem === den && whole % 2n === 1n)) whole += 1n;
  const digits = whole.toString().padStart(12, '0');
  return `${digits.slice(0, -11)}.${digits.slice(-11)}`;
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;
const not = (invert?: boolean): string => (invert ? ' !' : '');

function formatModule(m: Match): string | undefined {
  switch (m.kind) {
    case 'src':
    case 'dst':
    case 'proto':
      return undefined;
    case 'comment':
      return `-m comment --comment ${saveString(m.text)}`;
    case 'l4':
      return `-m ${m.proto}${m.sport !== undefined ? ` --sport ${m.sport}` : ''}${m.dport !== undefined ? ` --dport ${m.dport}` : ''}`;
    case 'addrtype':
      return `-m addrtype${m.srcType ? `${not(m.invert)} --src-type ${m.srcType}` : ''}${m.dstType ? `${not(m.invert)} --dst-type ${m.dstType}` : ''}`;
    case 'mark':
      return `-m mark${not(m.invert)} --mark ${hex(m.value)}${m.mask === 0xffffffff ? '' : `/${hex(m.mask)}`}`;
    case 'conntrack':
      return `-m conntrack${not(m.invert)} --ctstate ${m.states.join(',')}`;
    case 'statistic':
      return `-m statistic --mode random --probability ${formatProbability(m.probability)}`;
    case 'recent': {
      const op = m.op === 'set' ? ' --set' : ' --rcheck';
      const secs = m.seconds !== undefined ? ` --seconds ${m.seconds}` : '';
      return `-m recent${op}${secs}${m.reap ? ' --reap' : ''} --name ${m.name} --mask 255.255.255.255 --rsource`;
    }
    case 'nfacct':
      return `-m nfacct --nfacct-name  ${saveString(m.name)}`;
    case 'set':
      return `-m set${not(m.invert)} --match-set ${m.name} ${m.flags}`;
  }
}

export function formatTarget(t: Target): string {
  switch (t.kind) {
    case 'jump':
      return `-j ${t.chain}`;
    case 'goto':
      return `-g ${t.chain}`;
    case 'REJECT':
      return '-j REJECT --reject-with icmp-port-unreachable';
    case 'MARK':
      return `-j MARK --set-xmark ${hex(t.value)}/${hex(t.mask)}`;
    case 'DNAT':
      return `-j DNAT --to-destination ${t.to}`;
    case 'SNAT':
      return `-j SNAT --to-source ${t.to}`;
    case 'REDIRECT':
      return `-j REDIRECT --to-ports ${t.toPorts}`;
    case 'MASQUERADE':
      return `-j MASQUERADE${t.randomFully ? ' --random-fully' : ''}`;
    default:
      return `-j ${t.kind}`;
  }
}

/** The rule's `-A CHAIN ...` line, exactly as `iptables-save` shows it. */
export function formatRule(rule: Rule): string {
  const parts = ['-A', rule.chain];
  for (const kind of ['src', 'dst'] as const) {
    const m = rule.matches.find((x) => x.kind === kind);
    if (m && m.kind === kind) parts.push(...(m.invert ? ['!'] : []), kind === 'src' ? '-s' : '-d', saveAddress(m.cidr));
  }
  const proto = rule.matches.find((x) => x.kind === 'proto');
  if (proto && proto.kind === 'proto') parts.push('-p', proto.proto);
  for (const m of rule.matches) {
    const text = formatModule(m);
    if (text) parts.push(text);
  }
  if (rule.target) parts.push(formatTarget(rule.target));
  return parts.join(' ');
}

// A rendered rule never changes, so its iptables-save text is built once (packet walks trace it).
const LINES = new WeakMap<Rule, string>();

export function formatRuleCached(rule: Rule): string {
  let l = LINES.get(rule);
  if (l === undefined) LINES.set(rule, (l = formatRule(rule)));
  return l;
}
