/** The traced request, and where its playback stands. */
import { create } from 'zustand';
import type { Hop, TraceView } from '../../sim/view/snapshot';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

interface TraceState {
  trace: TraceView | null;
  /** Counts traces received, so a repeated request replays from the start. */
  run: number;
  /** Index into trace.hops of the hop shown; -1 before the first. */
  current: number;
  playing: boolean;
  /**
   * The packet has reached the last hop in this playback: only then do the reply and
   * the saved request's badge show (a share link opened at the last hop arrives at once).
   */
  arrived: boolean;
  /** Playback speed: 1 flies a hop in HOP_FLIGHT_S. */
  speed: number;
  sending: boolean;
  error: string | null;
  requestSent(): void;
  traceReceived(trace: TraceView): void;
  traceFailed(message: string): void;
  hopSelected(index: number): void;
  stepped(delta: number): void;
  playToggled(): void;
  /** Back to the first hop, paused. */
  reset(): void;
  /** A new session: the old cluster's trace goes. */
  cleared(): void;
  speedChanged(speed: number): void;
  /** The playback timer moved on one hop (stopping at the last). */
  advanced(): void;
}

const lastOf = (trace: TraceView | null): number => (trace?.hops.length ?? 0) - 1;

export const useTraceStore = create<TraceState>()((set, get) => ({
  trace: null,
  run: 0,
  current: -1,
  playing: false,
  arrived: false,
  speed: 1,
  sending: false,
  error: null,
  requestSent: () => set({ sending: true, error: null }),
  traceReceived: (trace) => set((s) => ({ trace, run: s.run + 1, current: 0, playing: trace.hops.length > 1, arrived: trace.hops.length <= 1, sending: false })),
  traceFailed: (error) => set({ error, sending: false }),
  hopSelected: (index) => {
    const last = lastOf(get().trace);
    const current = Math.max(0, Math.min(last, index));
    set({ current, playing: false, arrived: get().arrived || current === last });
  },
  stepped: (delta) => {
    const last = lastOf(get().trace);
    const current = Math.max(0, Math.min(last, get().current + delta));
    set({ current, playing: false, arrived: get().arrived || current === last });
  },
  playToggled: () => {
    const { playing, current, trace } = get();
    const atEnd = current >= lastOf(trace);
    const replay = !playing && atEnd && lastOf(trace) > 0;
    set({ playing: !playing, current: replay ? 0 : current, ...(replay ? { arrived: false } : {}) });
  },
  reset: () => set((s) => ({ current: s.trace?.hops.length ? 0 : -1, playing: false, arrived: (s.trace?.hops.length ?? 0) <= 1, run: s.run + 1 })),
  cleared: () => set((s) => ({ trace: null, current: -1, playing: false, arrived: false, sending: false, error: null, run: s.run + 1 })),
  speedChanged: (speed) => set({ speed }),
  advanced: () => {
    const { current, trace } = get();
    const last = lastOf(trace);
    set(current >= last ? { playing: false, arrived: true } : { current: current + 1, playing: current + 1 < last, arrived: get().arrived || current + 1 === last });
  },
}));

export const selectCurrentHop = (s: TraceState): Hop | null => s.trace?.hops[s.current] ?? null;
