/**
 * The timeline: one tick per hop, a slider that can be dragged, clicked or
 * moved with the arrow keys (Home and End jump to the ends).
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Hop } from '../../sim/view/snapshot';
import { isDnsHop } from '../graph/hop-focus';

interface Props {
  hops: Hop[];
  current: number;
  onChoose(index: number): void;
}

const KEYS: Record<string, (i: number, last: number) => number> = {
  ArrowRight: (i) => i + 1, ArrowUp: (i) => i + 1, ArrowLeft: (i) => i - 1, ArrowDown: (i) => i - 1,
  PageUp: (i) => i + 3, PageDown: (i) => i - 3, Home: () => 0, End: (_, last) => last,
};

const toneOf = (hop: Hop): string => (hop.kind === 'reject' || hop.kind === 'drop' ? 'fail' : isDnsHop(hop) ? 'dns' : 'req');

export function HopTimeline({ hops, current, onChoose }: Props) {
  const track = useRef<HTMLDivElement>(null);
  const last = hops.length - 1;
  const at = (e: PointerEvent): number => {
    const r = track.current!.getBoundingClientRect();
    return Math.round(Math.max(0, Math.min(1, (e.clientX - r.left) / r.width)) * last);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    e.currentTarget.focus();
    onChoose(at(e));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.buttons === 1 && e.currentTarget.hasPointerCapture?.(e.pointerId)) onChoose(at(e));
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const move = KEYS[e.key];
    if (!move) return;
    e.preventDefault();
    onChoose(Math.max(0, Math.min(last, move(current, last))));
  };
  const hop = hops[current];
  const pct = (i: number): string => `${last > 0 ? (i / last) * 100 : 0}%`;
  return (
    <div
      className="timeline"
      role="slider"
      tabIndex={0}
      aria-label="Timeline"
      aria-valuemin={1}
      aria-valuemax={hops.length}
      aria-valuenow={current + 1}
      aria-valuetext={hop ? `Hop ${current + 1} of ${hops.length}: ${hop.title}` : 'No hops'}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    >
      <div className="timeline__track" ref={track}>
        <div className="timeline__done" style={{ width: pct(Math.max(0, current)) }} />
        {hops.map((h, i) => (
          <span
            key={i}
            className={`timeline__tick tick--${toneOf(h)}${i < current ? ' is-past' : ''}${i === current ? ' is-current' : ''}`}
            style={{ left: pct(i) }}
            title={`${i + 1}. ${h.title}`}
          />
        ))}
      </div>
    </div>
  );
}
