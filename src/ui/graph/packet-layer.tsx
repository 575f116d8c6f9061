/**
 * The traced request drawn over the canvas: the path so far (DNS purple,
 * the request amber) and a packet flying along the current hop (flying-packet.tsx). With
 * prefers-reduced-motion the packet fades in at the hop's end instead. The
 * hop's words are in the strip under the canvas (hop-strip.tsx), not over the cards.
 */
import { ViewportPortal } from '@xyflow/react';
import { m, useReducedMotion } from 'motion/react';
import type { Hop } from '../../sim/view/snapshot';
import { useTraceStore } from '../stores/trace-store';
import { isDnsHop } from './hop-focus';
import { FlyingPacket } from './flying-packet';
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
  const label = now ? `Packet at hop ${current + 1}: ${now.hop.title}` : '';
  return (
    <ViewportPortal>
      <svg className="trace-paths" aria-hidden="true">
        {segments.map(({ hop, d }) => (
          <path key={hop.index} d={d} className={`trace-path ${tone(hop)}${hop === now?.hop ? ' is-current' : ''}`} />
        ))}
      </svg>
      {now &&
        (reduced ? (
          <m.div
            key={`${run}-${current}`}
            className={`packet ${tone(now.hop)}`}
            role="img"
            aria-label={label}
            style={{ left: now.b.x, top: now.b.y }}
            initial={{ opacity: 0 }}
            animate={{ opacity: 1 }}
            transition={{ duration: 0.2 }}
          />
        ) : (
          <FlyingPacket key={`${run}-${current}`} from={now.a} to={now.b} seconds={HOP_FLIGHT_S / speed} className={`packet ${tone(now.hop)}`} label={label} />
        ))}
    </ViewportPortal>
  );
}

const tone = (hop: Hop): string => (hop.kind === 'reject' || hop.kind === 'drop' ? 'tone-fail' : isDnsHop(hop) ? 'tone-dns' : 'tone-req');
