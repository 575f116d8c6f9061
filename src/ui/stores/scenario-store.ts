/** The scenario YAML as the learner edits it, and what the API server said of it. */
import { create } from 'zustand';
import type { Diagnostic } from '../../sim/view/snapshot';
import { DEFAULT_SCENARIO_YAML } from '../../sim/scenario/default-scenario';

export interface ApplyStatus {
  ok: boolean;
  summary: string;
}

interface ScenarioState {
  text: string;
  diagnostics: Diagnostic[];
  /** Null until the first apply answers. */
  status: ApplyStatus | null;
  /** An edit is waiting for the debounce or for the worker. */
  pending: boolean;
  textEdited(text: string): void;
  applied(result: ApplyStatus & { diagnostics: Diagnostic[] }): void;
  applyFailed(message: string): void;
}

export const useScenarioStore = create<ScenarioState>()((set) => ({
  text: DEFAULT_SCENARIO_YAML,
  diagnostics: [],
  status: null,
  pending: false,
  textEdited: (text) => set({ text, pending: true }),
  applied: ({ ok, summary, diagnostics }) => set({ status: { ok, summary }, diagnostics, pending: false }),
  applyFailed: (message) => set({ status: { ok: false, summary: message }, pending: false }),
}));
