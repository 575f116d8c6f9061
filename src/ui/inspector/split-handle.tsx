/**
 * The handle between the hop list and the hop inspector: drag it, or focus it and use
 * the arrow keys (Home and End for the ends), as the WAI-ARIA window splitter pattern has it.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export const SPLIT_MIN = 20;
export const SPLIT_MAX = 80;

export function clampSplit(percent: number): number {
  return Math.round(Math.max(SPLIT_MIN, Math.min(SPLIT_MAX, percent)));
}

interface Props {
  /** The hop list's share of the height, in percent. */
  value: number;
  onChange(percent: number): void;
  /** The element whose height the percentages are of. */
  container: () => HTMLElement | null;
}

export function SplitHandle({ value, onChange, container }: Props) {
  const dragging = useRef(false);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = e.key === 'ArrowUp' ? value - 5 : e.key === 'ArrowDown' ? value + 5 : e.key === 'Home' ? SPLIT_MIN : e.key === 'End' ? SPLIT_MAX : null;
    if (next === null) return;
    e.preventDefault();
    onChange(clampSplit(next));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const box = dragging.current ? container()?.getBoundingClientRect() : null;
    if (!box || box.height === 0) return;
    onChange(clampSplit(((e.clientY - box.top) / box.height) * 100));
  };
  return (
    <div
      className="split-handle"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize hop list and hop inspector"
      aria-valuemin={SPLIT_MIN}
      aria-valuemax={SPLIT_MAX}
      aria-valuenow={value}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={onPointerMove}
      onPointerUp={() => {
        dragging.current = false;
      }}
    />
  );
}
