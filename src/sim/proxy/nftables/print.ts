/**
 * `nft list ruleset` text for kube-proxy's table, laid out as nft 1.0.6 prints it
 * (nftables src/rule.c table_print / set_print / chain_print, src/expression.c
 * set_expr_print + calculate_delim, src/mergesort.c):
 * - tabs for indentation; the table comment directly under the table line; then sets and
 *   maps (creation order), then chains (creation order), separated by blank lines;
 * - set elements sorted as 1.0.6's mergesort does: plain values numerically, concatenations
 *   by their bytes read as a little-endian number (so by port's low byte first: a later
 *   nft, 1.1.6, switched to big-endian); this is why real service-ips dumps look unsorted;
 * - element delimiters: maps, sets with a timeout or commented elements, one per line
 *   (",\n\t\t\t     "); plain ipv4_addr sets two per line.
 */
import { parseIPv4 } from '../../net/ip';
import { formatNftRule, formatNftTime, formatPriority, formatVerdict } from './format';
import type { NftChain, NftElement, NftSet, NftTable } from './model';

const PROTO_NUM: Record<string, number> = { tcp: 6, udp: 17, sctp: 132 };

/** Big-endian bytes of one key component, as nft exports it before sorting. */
function componentBytes(c: string): number[] {
  const ip = parseIPv4(c);
  if (ip !== undefined) return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255];
  if (c in PROTO_NUM) return [PROTO_NUM[c]!];
  const port = Number(c);
  return [(port >> 8) & 255, port & 255];
}

/** expr_msort_cmp of nft 1.0.6 (BYTEORDER_HOST_ENDIAN import on x86-64). */
export function compareElements(a: NftElement, b: NftElement): number {
  if (a.key.length === 1 && b.key.length === 1) {
    const x = parseIPv4(a.key[0]!) ?? 0, y = parseIPv4(b.key[0]!) ?? 0;
    return x - y;
  }
  const x = a.key.flatMap(componentBytes), y = b.key.flatMap(componentBytes);
  for (let i = Math.max(x.length, y.length) - 1; i >= 0; i--) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function formatElement(e: NftElement, now: number): string {
  let out = e.key.join(' . ');
  if (e.expiresAt !== undefined) out += ` expires ${formatNftTime(e.expiresAt - now)}`;
  if (e.comment) out += ` comment "${e.comment}"`;
  if (e.value) out += ` : ${formatVerdict(e.value)}`;
  return out;
}

const NEWLINE = ',\n\t\t\t     ';

function formatElements(set: NftSet, elements: NftElement[], now: number): string {
  const forceNewline = set.kind === 'map' || set.timeout !== undefined || set.type.includes(' . ') || elements.some((e) => e.comment);
  let out = '{ ';
  let delim = '';
  let count = 0;
  for (const e of elements) {
    out += delim + formatElement(e, now);
    count++;
    if (forceNewline) delim = NEWLINE;
    else if (count < 2) delim = ', ';
    else {
      count = 0;
      delim = NEWLINE;
    }
  }
  return `${out} }`;
}

function printSet(set: NftSet, now: number): string {
  const live = set.elements.filter((e) => e.expiresAt === undefined || e.expiresAt > now).sort(compareElements);
  let out = `\t${set.kind} ${set.name} {\n\t\ttype ${set.type}\n`;
  if (set.flags?.length) out += `\t\tflags ${set.flags.join(',')}\n`;
  if (set.timeout !== undefined) out += `\t\ttimeout ${formatNftTime(set.timeout)}\n`;
  if (set.comment) out += `\t\tcomment "${set.comment}"\n`;
  if (live.length > 0) out += `\t\telements = ${formatElements(set, live, now)}\n`;
  return `${out}\t}\n`;
}

function printChain(chain: NftChain): string {
  let out = `\tchain ${chain.name} {\n`;
  if (chain.comment) out = `\tchain ${chain.name} {\n\t\tcomment "${chain.comment}"\n`;
  if (chain.base) {
    const { type, hook, priority } = chain.base;
    out += `\t\ttype ${type} hook ${hook} priority ${formatPriority(hook, priority)}; policy accept;\n`;
  }
  for (const r of chain.rules) out += `\t\t${formatNftRule(r)}\n`;
  return `${out}\t}\n`;
}

/** One table as `nft list table` / `nft list ruleset` prints it; `now` ages dynamic elements. */
export function printNftTable(table: NftTable, now = 0): string {
  const blocks = [...table.sets.map((s) => printSet(s, now)), ...table.chains.map(printChain)];
  const head = `table ${table.family} ${table.name} {\n${table.comment ? `\tcomment "${table.comment}"\n` : ''}`;
  return `${head}${blocks.join('\n')}}\n`;
}
