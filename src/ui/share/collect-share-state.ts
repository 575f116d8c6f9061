/** Reads the share state out of the stores: the scenario, saved requests, the request and hop shown, the view. */
import type { ShareState } from '../../share/share-state';
import { useRequestStore } from '../stores/request-store';
import { useScenarioStore } from '../stores/scenario-store';
import { useSelectionStore } from '../stores/selection-store';
import { useTraceStore } from '../stores/trace-store';
import { useViewStore } from '../stores/view-store';

export function collectShareState(): ShareState {
  const scenario = useScenarioStore.getState();
  const trace = useTraceStore.getState();
  const view = useViewStore.getState();
  return {
    scenario: { yaml: scenario.text, clusterConfig: scenario.clusterConfig, seed: scenario.seed },
    savedRequests: useRequestStore.getState().saved.map(({ from, url, name }) => ({ from, url, name })),
    request: trace.trace ? { from: trace.trace.request.from, url: trace.trace.request.url } : null,
    hop: trace.trace ? trace.current : -1,
    view: { selected: useSelectionStore.getState().selected, presenter: view.presenter, theme: view.theme, tableView: view.tableView },
  };
}

/** Replaces the saved requests (a link or the saved work brought its own). */
export function restoreSavedRequests(list: ShareState['savedRequests']): void {
  const store = useRequestStore.getState();
  store.saved.forEach((r) => store.requestRemoved(r.name));
  list.forEach((r) => useRequestStore.getState().requestSaved(r));
}

/** The page's address without fragment or embed flag: the base of a share link to the full app. */
export function fullAppBase(): string {
  const url = new URL(location.href);
  url.hash = '';
  url.searchParams.delete('embed');
  return url.toString().replace(/#$/, '');
}
