/**
 * Which of a hop's "decided by" lines made the decision, so the inspector and the
 * Node rules tab can mark them: the iptables rule whose target rewrote or stopped the
 * packet (DNAT, SNAT, MASQUERADE, REDIRECT, REJECT, DROP; the jumps before it only led
 * there), the nftables statement that did (dnat to, snat to, masquerade, reject, drop),
 * the IPVS real server the scheduler picked, the route that failed (INCOMPLETE).
 * Records, sockets, conntrack entries and health checks all decided together.
 */
import type { Hop } from '../view/snapshot';

type Kind = NonNullable<Hop['decidedBy']>['kind'];

// iptables-save prints targets as "-j NAME" (or "-g NAME" for a goto): k/k pkg/util/iptables.
const IPTABLES_ACTION = /(?:^|\s)-j (?:DNAT|SNAT|MASQUERADE|REDIRECT|REJECT|DROP)(?:\s|$)/;
// The userspace proxy's dial, written after its REDIRECT rule.
const USERSPACE_DIAL = /^# kube-proxy /;
// nft list ruleset statements (nftables wiki: Performing Network Address Translation; verdicts).
const NFT_ACTION = /(?:^|\s)(?:dnat to|snat to|masquerade|reject|drop)(?:\s|$)/;
// ipvsadm -Ln prints real servers as "  -> IP:PORT ..." (ipvsadm.c print_service_entry).
const IPVS_REAL_SERVER = /^\s+-> /;

function all(lines: readonly string[]): number[] {
  return lines.map((_, i) => i);
}

function where(lines: readonly string[], test: (line: string) => boolean): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (test(l)) out.push(i);
  });
  return out;
}

function compute(kind: Kind, lines: readonly string[]): number[] {
  if (lines.length === 0) return [];
  let picked: number[];
  switch (kind) {
    case 'iptables':
      picked = where(lines, (l) => IPTABLES_ACTION.test(l) || USERSPACE_DIAL.test(l));
      break;
    case 'nftables':
      picked = where(lines, (l) => NFT_ACTION.test(l));
      break;
    case 'ipvs':
      picked = where(lines, (l) => IPVS_REAL_SERVER.test(l) || IPTABLES_ACTION.test(l));
      break;
    case 'route':
      picked = where(lines, (l) => / INCOMPLETE$/.test(l));
      if (picked.length === 0) return all(lines);
      break;
    default:
      return all(lines);
  }
  // Nothing rewrote or stopped it: the packet went on past the last rule it met.
  return picked.length > 0 ? picked : [lines.length - 1];
}

// Rule lists are shared between hops (the walk cache, memoised texts): compute each once.
const MEMO = new WeakMap<readonly string[], Map<Kind, number[]>>();

/** Indices into `lines` of the line(s) that decided the hop. */
export function decisiveLines(kind: Kind, lines: readonly string[]): number[] {
  let byKind = MEMO.get(lines);
  if (!byKind) MEMO.set(lines, (byKind = new Map()));
  let out = byKind.get(kind);
  if (!out) byKind.set(kind, (out = compute(kind, lines)));
  return out;
}
