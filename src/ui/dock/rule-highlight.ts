/**
 * Which lines of a node's full rule listing (iptables-save -t nat, ipvsadm -Ln, nft list
 * ruleset) a hop went through, and which of them decided it. Pure, for the Node rules tab.
 */
import type { ClusterSnapshot, Hop } from '../../sim/view/snapshot';

export interface RuleMarks {
  /** Lines of the listing the packet passed on its way (jumps, checks). */
  path: Set<number>;
  /** Lines that decided the hop (the DNAT, the picked real server). */
  decided: Set<number>;
}

const RULE_KINDS = new Set(['iptables', 'ipvs', 'nftables']);

/** The node whose rules a hop is about, or null when it is about no node's rules. */
export function hopNode(hop: Hop, snapshot: ClusterSnapshot): string | null {
  for (const id of [hop.from, hop.to]) {
    const m = /^(?:kube-proxy|node):(.+)$/.exec(id);
    if (m && snapshot.nodes.some((n) => n.name === m[1])) return m[1]!;
  }
  // A pod's own packet (a DNS query) meets the rules of the node it runs on.
  const pod = /^pod:([^/]+)\/(.+)$/.exec(hop.from);
  if (pod) return snapshot.pods.find((p) => p.namespace === pod[1] && p.name === pod[2])?.nodeName ?? null;
  return null;
}

/** Whether the hop has rules the Node rules tab can point at. */
export function hasNodeRules(hop: Hop): boolean {
  return !!hop.decidedBy && RULE_KINDS.has(hop.decidedBy.kind) && hop.decidedBy.lines.length > 0;
}

// nft list ruleset prints a map's elements over several lines: "elements = { a : goto x," ... "b : goto y }".
function nftKey(line: string): string {
  return line.trim().replace(/^elements = \{ /, '').replace(/(?:,| \})$/, '');
}

const IPVS_REAL = /^\s+-> (\S+)/;

/** Marks the hop's lines in a listing of `text`; lines the listing lacks (another table's) are skipped. */
export function markRuleLines(text: string, decidedBy: NonNullable<Hop['decidedBy']>): RuleMarks {
  const listing = text.split('\n');
  const marks: RuleMarks = { path: new Set(), decided: new Set() };
  const decisive = new Set(decidedBy.matched ?? []);
  if (decidedBy.kind === 'ipvs') {
    // A virtual server line, then its real servers (their counters change: match the address).
    let vs = -1;
    decidedBy.lines.forEach((line, i) => {
      const real = IPVS_REAL.exec(line);
      if (!real) {
        vs = listing.findIndex((l) => l.trimEnd() === line.trimEnd());
        if (vs >= 0) (decisive.has(i) ? marks.decided : marks.path).add(vs);
        return;
      }
      for (let j = vs + 1; vs >= 0 && j < listing.length && IPVS_REAL.test(listing[j]!); j++) {
        if (IPVS_REAL.exec(listing[j]!)![1] === real[1]) (decisive.has(i) ? marks.decided : marks.path).add(j);
      }
    });
    return marks;
  }
  const key = decidedBy.kind === 'nftables' ? nftKey : (l: string) => l;
  const where = new Map<string, number[]>();
  listing.forEach((l, j) => {
    const k = key(l);
    const at = where.get(k);
    if (at) at.push(j);
    else where.set(k, [j]);
  });
  decidedBy.lines.forEach((line, i) => {
    for (const j of where.get(key(line)) ?? []) (decisive.has(i) ? marks.decided : marks.path).add(j);
  });
  for (const j of marks.decided) marks.path.delete(j);
  return marks;
}
