/**
 * `conntrack -L` output: conntrack-tools 1.4.7 over libnetfilter_conntrack's default
 * snprintf (protocol, number, timeout, TCP state, both tuples, [UNREPLIED], [ASSURED],
 * mark, use), the summary line on stderr.
 */
import type { ConntrackTable, CtEntry } from './conntrack';
import type { Packet } from './packet';

const tuple = (p: Packet): string => `src=${p.src} dst=${p.dst} sport=${p.sport} dport=${p.dport}`;

/** One `conntrack -L` line (read from the entry's own fields: printed on every traced reply). */
export function formatConntrackEntry(e: CtEntry, now: number): string {
  const head = e.protocol === 'TCP' ? 'tcp      6 ' : 'udp      17 ';
  const timeout = Math.max(0, Math.floor(e.expiresAt - now));
  return head + timeout + (e.state ? ' ' + e.state : '') + ' ' + tuple(e) + (e.replied ? '' : ' [UNREPLIED]') + ' ' + tuple(e.reply) + (e.assured ? ' [ASSURED]' : '') + ' mark=' + e.mark + ' use=1';
}

/** `conntrack -L`: the table on stdout, the count on stderr. */
export function printConntrackList(table: ConntrackTable, now: number): { stdout: string; stderr: string } {
  const lines = table.entries(now).map((e) => formatConntrackEntry(e, now));
  return {
    stdout: lines.map((l) => `${l}\n`).join(''),
    stderr: `conntrack v1.4.7 (conntrack-tools): ${lines.length} flow entries have been shown.\n`,
  };
}
