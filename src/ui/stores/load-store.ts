/** The last load experiment (the same request sent many times) and how its answers spread over the pods. */
import { create } from 'zustand';
import type { LoadResult } from '../../worker/protocol';
import type { ProxyMode } from '../../sim/view/snapshot';

export interface LoadRun {
  result: LoadResult;
  /** How the spread was decided, for the chart's caption. */
  proxyMode: ProxyMode;
  affinity: string;
}

interface LoadState {
  run: LoadRun | null;
  /** Answers per pod element id ("pod:NS/NAME"), for the badges on the canvas. */
  counts: Record<string, number>;
  running: boolean;
  error: string | null;
  loadSent(): void;
  loadReceived(run: LoadRun): void;
  loadFailed(message: string): void;
  cleared(): void;
}

export const useLoadStore = create<LoadState>()((set) => ({
  run: null,
  counts: {},
  running: false,
  error: null,
  loadSent: () => set({ running: true, error: null }),
  loadReceived: (run) => set({ run, running: false, counts: Object.fromEntries(run.result.perPod.map((p) => [`pod:${p.pod}`, p.count])) }),
  loadFailed: (error) => set({ error, running: false }),
  cleared: () => set({ run: null, counts: {}, error: null }),
}));
