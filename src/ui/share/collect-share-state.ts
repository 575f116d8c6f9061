/** Reads the share state out of the stores: the scenario, saved requests, the request and hop shown, the view. */
import type { ShareState } from '../../share/share-state';
import { useRequestStore } from '../stores/request-store';
import { useSessionLogStore } from '../stores/session-log-store';
import { useScenarioStore } from '../stores/scenario-store';
import { useSelectionStore } from '../stores/selection-store';
import { useTraceStore } from '../stores/trace-store';
import { useViewStore } from '../stores/view-store';
import { useLessonModeStore } from '../stores/lesson-mode-store';

export function collectShareState(): ShareState {
  const scenario = useScenarioStore.getState();
  const trace = useTraceStore.getState();
  const view = useViewStore.getState();
  const log = useSessionLogStore.getState();
  return {
    // With a history, the link starts from the YAML the session was loaded with and replays the rest.
    scenario: { yaml: log.ops.length ? log.baseYaml : scenario.text, clusterConfig: scenario.clusterConfig, seed: scenario.seed },
    savedRequests: useRequestStore.getState().saved.map(({ from, url, name }) => ({ from, url, name })),
    request: trace.trace ? { from: trace.trace.request.from, url: trace.trace.request.url } : null,
    hop: trace.trace ? trace.current : -1,
    ...sessionHistory(),
    ...lessonPart(),
    view: { selected: useSelectionStore.getState().selected, presenter: view.presenter, theme: view.theme, tableView: view.tableView },
  };
}

/** Inside a lesson: which lesson and step (a teacher's lesson travels whole). */
function lessonPart(): Pick<ShareState, 'lesson'> {
  const { id, step, text, builtIn } = useLessonModeStore.getState();
  if (!id) return {};
  return { lesson: { id, step, ...(text && !builtIn ? { text } : {}) } };
}

/** The ops since load, and which made the trace shown (only when that trace is still on screen). */
function sessionHistory(): Pick<ShareState, 'history' | 'traceOp'> {
  const log = useSessionLogStore.getState();
  if (log.ops.length === 0) return {};
  return { history: log.ops, traceOp: useTraceStore.getState().trace ? log.shownTrace : -1 };
}

/** The same view as a fresh load of the editor's current text (what older links hold). */
export function withoutHistory(state: ShareState): ShareState {
  const { history: _history, traceOp: _traceOp, ...rest } = state;
  return { ...rest, scenario: { ...state.scenario, yaml: useScenarioStore.getState().text } };
}

/** Replaces the saved requests (a link or the saved work brought its own). */
export function restoreSavedRequests(list: ShareState['savedRequests']): void {
  const store = useRequestStore.getState();
  store.saved.forEach((r) => store.requestRemoved(r.name));
  list.forEach((r) => useRequestStore.getState().requestSaved(r));
}

/**
 * The page's address without fragment, embed flag or embed options: the base of a share link to the full app.
 * The link itself carries the hop and the theme; autoplay and controls are the embed's own.
 */
export function fullAppBase(): string {
  const url = new URL(location.href);
  url.hash = '';
  for (const key of ['embed', 'hop', 'autoplay', 'controls', 'theme']) url.searchParams.delete(key);
  return url.toString().replace(/#$/, '');
}
