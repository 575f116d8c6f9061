/** Which canvas elements the current hop touches, and how it is coloured. */
import type { Hop } from '../../sim/view/snapshot';
import { useTraceStore } from '../stores/trace-store';

export function isDnsHop(hop: Hop): boolean {
  return hop.kind === 'dns-query' || hop.kind === 'dns-answer' || hop.from === 'coredns' || hop.to === 'coredns';
}

/** "coredns" in a hop means the first CoreDNS pod; that pod's element id is given as dnsId. */
export type HopTouch = 'from' | 'to' | 'related';

export function hopTouches(hop: Hop | null | undefined, id: string, isCoreDns = false): HopTouch | null {
  if (!hop) return null;
  if (hop.to === id || (isCoreDns && hop.to === 'coredns')) return 'to';
  if (hop.from === id || (isCoreDns && hop.from === 'coredns')) return 'from';
  if (hop.related?.includes(id)) return 'related';
  return null;
}

/** A selector hook each node uses, so a hop change re-renders only the nodes it touches. */
export function useHopTouch(id: string, isCoreDns = false): HopTouch | null {
  return useTraceStore((s) => hopTouches(s.trace?.hops[s.current], id, isCoreDns));
}

export function useActingKind(id: string): Hop['kind'] | null {
  return useTraceStore((s) => {
    const hop = s.trace?.hops[s.current];
    return hop && (hop.from === id || hop.to === id) ? hop.kind : null;
  });
}
