/**
 * The traced request drawn over the canvas: the path so far (DNS purple,
 * the request amber) and a packet flying along the current hop. With
 * prefers-reduced-motion the packet fades in at the hop's end instead. The
 * hop's words are in the strip under the canvas (hop-strip.tsx), not over the cards.
 */
import { ViewportPortal } from '@xyflow/react';
import { m, useReducedMotion } from 'motion/react';
import type { Hop } from '../../sim/view/snapshot';
import { useTraceStore } from '../stores/trace-store';
import { isDnsHop } from './hop-focus';
import { hopPath, type Point } from './hop-path';

export const HOP_FLIGHT_S = 0.7;

interface Props {
  anchors: Record<string, Point>;
}

export function PacketLayer({ anchors }: Props) {
  const trace = useTraceStore((s) => s.trace);
  const current = useTraceStore((s) => s.current);
  const run = useTraceStore((s) => s.run);
  const speed = useTraceStore((s) => s.speed);
  const reduced = useReducedMotion() ?? false;
  if (!trace || current < 0) return null;
  const segments = trace.hops.slice(0, current + 1).flatMap((hop) => {
    const a = anchors[hop.from];
    const b = anchors[hop.to];
    return a && b ? [{ hop, a, b, d: hopPath(a, b) }] : [];
  });
  const now = segments.find((s) => s.hop === trace.hops[current]);
  return (
    <ViewportPortal>
      <svg className="trace-paths" aria-hidden="true">
        {segments.map(({ hop, d }) => (
          <path key={hop.index} d={d} className={`trace-path ${tone(hop)}${hop === now?.hop ? ' is-current' : ''}`} />
        ))}
      </svg>
      {now && (
        <m.div
          key={`${run}-${current}`}
          className={`packet ${tone(now.hop)}`}
          role="img"
          aria-label={`Packet at hop ${current + 1}: ${now.hop.title}`}
          style={reduced ? { left: now.b.x, top: now.b.y } : { offsetPath: `path("${now.d}")` }}
          initial={reduced ? { opacity: 0 } : { offsetDistance: '0%' }}
          animate={reduced ? { opacity: 1 } : { offsetDistance: '100%' }}
          transition={{ duration: reduced ? 0.2 : HOP_FLIGHT_S / speed, ease: 'easeInOut' }}
        />
      )}
    </ViewportPortal>
  );
}

const tone = (hop: Hop): string => (hop.kind === 'reject' || hop.kind === 'drop' ? 'tone-fail' : isDnsHop(hop) ? 'tone-dns' : 'tone-req');
