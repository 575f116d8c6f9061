/**
 * What was done to the simulation since its scenario was loaded, in order,
 * and which of those ops made the trace on screen: a share link replays them
 * so the receiver's cluster is exactly this one (src/worker/protocol.ts SessionOp).
 */
import { create } from 'zustand';
import type { SessionOp } from '../../worker/protocol';

interface SessionLogState {
  /** The YAML the session was loaded from (the ops start from it). */
  baseYaml: string;
  ops: SessionOp[];
  /** The index in `ops` of the trace shown, or -1. */
  shownTrace: number;
  loaded(baseYaml: string, history?: SessionOp[], shownTrace?: number): void;
  done(op: SessionOp): number;
  traceShown(index: number): void;
}

export const useSessionLogStore = create<SessionLogState>()((set, get) => ({
  baseYaml: '',
  ops: [],
  shownTrace: -1,
  loaded: (baseYaml, history = [], shownTrace = -1) => set({ baseYaml, ops: [...history], shownTrace }),
  done: (op) => {
    const index = get().ops.length;
    set((s) => ({ ops: [...s.ops, op] }));
    return index;
  },
  traceShown: (index) => set({ shownTrace: index }),
}));

/** The YAML the editor shows after a history: its last apply, else the base. */
export function lastAppliedYaml(base: string, history: SessionOp[] = []): string {
  for (let i = history.length - 1; i >= 0; i--) {
    const op = history[i]!;
    if (op.op === 'apply') return op.yaml;
  }
  return base;
}
