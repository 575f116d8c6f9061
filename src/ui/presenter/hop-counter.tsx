/** "Hop 3 of 7": where the playback stands, in words (presenter bar, compact caption). */
import { useTraceStore } from '../stores/trace-store';

export function HopCounter({ className }: { className?: string }) {
  const count = useTraceStore((s) => s.trace?.hops.length ?? 0);
  const current = useTraceStore((s) => s.current);
  if (count === 0 || current < 0) return null;
  return <span className={className}>Hop {current + 1} of {count}</span>;
}
