/**
 * Statements, rules, priorities and times written the way nft 1.0.6 (Debian bookworm,
 * kind's node image) prints them back from the kernel: nftables src/rule.c (prio2str,
 * rule_print), src/statement.c, src/expression.c and src/datatype.c (time_print).
 */
import type { NftHook, NftRule, NftStmt, NftVerdict } from './model';

const hex8 = (n: number): string => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

export function formatVerdict(v: NftVerdict): string {
  return v.kind === 'jump' || v.kind === 'goto' ? `${v.kind} ${v.chain}` : v.kind;
}

/** One statement as nft prints it (anonymous sets stay on one line). */
export function formatStmt(s: NftStmt): string {
  switch (s.kind) {
    case 'ct-new':
      return 'ct state new';
    case 'addr': {
      // A one-element anonymous set is printed as a plain value.
      const value = s.values.length === 1 ? s.values[0]! : `{ ${s.values.join(', ')} }`;
      return `ip ${s.field}${s.negate ? ' !=' : ''} ${value}`;
    }
    case 'addr-in-set':
      return `ip ${s.field} @${s.set}`;
    case 'dport':
      return `${s.proto} dport ${s.port}`;
    case 'fib-local':
      return `fib ${s.field} type local`;
    case 'mark-clear':
      return `meta mark & ${hex8(s.mask)} == ${hex8(0)}`;
    case 'vmap':
      return `${s.key === 'ip-proto-port' ? 'ip daddr . ' : ''}meta l4proto . th dport vmap @${s.map}`;
    case 'numgen':
      return `numgen random mod ${s.targets.length} vmap { ${s.targets.map((t, i) => `${i} : goto ${t}`).join(', ')} }`;
    case 'l4proto':
      return `meta l4proto ${s.proto}`;
    case 'mark-set':
      return `meta mark set meta mark ${s.op} ${hex8(s.value)}`;
    case 'masquerade':
      return 'masquerade fully-random';
    case 'dnat':
      return `dnat to ${s.to}`;
    case 'update-saddr':
      return `update @${s.set} { ip saddr }`;
    case 'verdict':
      return formatVerdict(s.verdict);
  }
}

/** rule_print: statements separated by spaces, then ` comment "..."`. */
export function formatNftRule(rule: NftRule): string {
  const body = rule.stmts.map(formatStmt).join(' ');
  return rule.comment ? `${body} comment "${rule.comment}"` : body;
}

// [value, name, hooks where the name applies] in std_prios order (IPv4 family).
const STD_PRIOS: [number, string, NftHook[] | 'all'][] = [
  [-300, 'raw', 'all'],
  [-150, 'mangle', 'all'],
  [-100, 'dstnat', ['prerouting', 'output']],
  [0, 'filter', 'all'],
  [50, 'security', 'all'],
  [100, 'srcnat', ['postrouting']],
];

/**
 * prio2str: the first standard priority within 10 names it ("dstnat - 10") when that
 * name is valid for the hook; otherwise the number. Debian's 1.0.6 only accepts dstnat
 * at prerouting when printing, so nat-output shows "-100" (as real kube-proxy dumps do).
 */
export function formatPriority(hook: NftHook, prio: number): string {
  for (const [value, name, hooks] of STD_PRIOS) {
    const offset = prio - value;
    if (Math.abs(offset) > 10) continue;
    const ok = hooks === 'all' || (name === 'dstnat' ? hook === 'prerouting' : hooks.includes(hook));
    if (!ok) break;
    return offset > 0 ? `${name} + ${offset}` : offset < 0 ? `${name} - ${-offset}` : name;
  }
  return String(prio);
}

/** time_print: "3h", "1d2h", "59m58s"; milliseconds as "ms". */
export function formatNftTime(seconds: number): string {
  let ms = Math.max(0, Math.round(seconds * 1000));
  const parts: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'm'], [1000, 's'], [1, 'ms']];
  let out = '';
  for (const [unit, suffix] of parts) {
    const n = Math.floor(ms / unit);
    ms %= unit;
    if (n > 0) out += `${n}${suffix}`;
  }
  return out;
}
