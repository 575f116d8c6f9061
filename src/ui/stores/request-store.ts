/**
 * The request being composed (From and URL), the requests the learner saved,
 * and whether each request passed the last time it ran (for the badges).
 */
import { create } from 'zustand';
import type { RequestSpec } from '../../sim/view/snapshot';
import { useTraceStore } from './trace-store';

export interface SavedRequest extends RequestSpec {
  name: string;
}

export const requestKey = (r: RequestSpec): string => `${r.from} ${r.url}`;

interface RequestState {
  /** Null: the request bar picks a sensible client pod. */
  from: string | null;
  url: string;
  saved: SavedRequest[];
  /** requestKey -> passed the last time it ran. */
  results: Record<string, boolean>;
  fromChosen(from: string): void;
  urlEdited(url: string): void;
  requestSaved(request: SavedRequest): void;
  requestRemoved(name: string): void;
}

export const useRequestStore = create<RequestState>()((set) => ({
  from: null,
  url: 'http://web/',
  saved: [],
  results: {},
  fromChosen: (from) => set({ from }),
  urlEdited: (url) => set({ url }),
  requestSaved: (request) => set((s) => ({ saved: [...s.saved.filter((r) => r.name !== request.name), request] })),
  requestRemoved: (name) => set((s) => ({ saved: s.saved.filter((r) => r.name !== name) })),
}));

// Every traced request's outcome becomes its badge once its packet arrives (the last hop).
useTraceStore.subscribe((s, prev) => {
  if (!s.trace || !s.arrived || (s.arrived === prev.arrived && s.trace === prev.trace)) return;
  const key = requestKey(s.trace.request);
  const ok = s.trace.ok;
  useRequestStore.setState((r) => ({ results: { ...r.results, [key]: ok } }));
});
