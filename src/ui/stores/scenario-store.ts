/** The scenario YAML as the learner edits it, and what the API server said of it. */
import { create } from 'zustand';
import type { Diagnostic } from '../../sim/view/snapshot';
import { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } from '../../sim/scenario/default-scenario';

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
  /** The kind Cluster config and seed the cluster was last loaded with (null: the default cluster). */
  clusterConfig: string | null;
  seed: number;
  /** Counts whole-scenario loads (a share link, saved work, a reset), so the editor can take the new text. */
  loads: number;
  textEdited(text: string): void;
  /** A whole scenario replaced the current one (not an edit). */
  scenarioLoaded(input: { yaml: string; clusterConfig: string | null; seed: number }): void;
  applied(result: ApplyStatus & { diagnostics: Diagnostic[] }): void;
  /** Tab leaves the editor (it was reached by keyboard) instead of indenting. */
  tabLeaves: boolean;
  tabLeavesChanged(on: boolean): void;
  applyFailed(message: string): void;
}

export const useScenarioStore = create<ScenarioState>()((set) => ({
  text: DEFAULT_SCENARIO_YAML,
  diagnostics: [],
  status: null,
  pending: false,
  clusterConfig: null,
  seed: DEFAULT_SEED,
  loads: 0,
  tabLeaves: false,
  tabLeavesChanged: (tabLeaves) => set({ tabLeaves }),
  textEdited: (text) => set({ text, pending: true }),
  scenarioLoaded: ({ yaml, clusterConfig, seed }) => set((s) => ({ text: yaml, clusterConfig, seed, loads: s.loads + 1, pending: true })),
  applied: ({ ok, summary, diagnostics }) => set({ status: { ok, summary }, diagnostics, pending: false }),
  applyFailed: (message) => set({ status: { ok: false, summary: message }, pending: false }),
}));
