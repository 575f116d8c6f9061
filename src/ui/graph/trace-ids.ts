/** Every canvas element a trace's hops name (from, to, related), "coredns" as itself. */
import type { Hop } from '../../sim/view/snapshot';

export function traceIds(hops: Hop[]): Set<string> {
  const ids = new Set<string>();
  for (const h of hops) {
    ids.add(h.from);
    ids.add(h.to);
    for (const r of h.related ?? []) ids.add(r);
  }
  return ids;
}
