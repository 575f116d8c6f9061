/**
 * A packet flying along one hop's curve. It moves by transform keyframes
 * (flightStops), which the browser's compositor plays: the page does no work
 * per frame, however many packets fly (an offset-path animation was driven
 * from the main thread, and repainted and re-layered the whole canvas each frame).
 */
import { m } from 'motion/react';
import { useMemo } from 'react';
import { flightStops, type Point } from './hop-path';

interface Props {
  from: Point;
  to: Point;
  seconds: number;
  className: string;
  /** The accessible name; without one the packet is decoration. */
  label?: string;
  /** Fly again and again (the UI bench's many packets). */
  repeat?: boolean;
}

export function FlyingPacket({ from, to, seconds, className, label, repeat = false }: Props) {
  const frames = useMemo(() => flightStops(from, to).map((p) => `translate(${p.x}px, ${p.y}px)`), [from, to]);
  return (
    <m.div
      className={className}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
      initial={{ transform: frames[0] }}
      animate={{ transform: frames }}
      transition={{ duration: seconds, ease: 'linear', ...(repeat ? { repeat: Infinity } : {}) }}
    />
  );
}
