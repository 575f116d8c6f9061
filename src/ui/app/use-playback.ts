/** While playing, move to the next hop once the packet has flown this one (faster or slower with the speed). */
import { useEffect } from 'react';
import { HOP_FLIGHT_S } from '../graph/packet-layer';
import { useTraceStore } from '../stores/trace-store';

const DWELL_MS = 550;

export function usePlayback(): void {
  const playing = useTraceStore((s) => s.playing);
  const current = useTraceStore((s) => s.current);
  const run = useTraceStore((s) => s.run);
  const speed = useTraceStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const id = setTimeout(() => useTraceStore.getState().advanced(), (HOP_FLIGHT_S * 1000 + DWELL_MS) / speed);
    return () => clearTimeout(id);
  }, [playing, current, run, speed]);
}
