/**
 * The learner's work (scenario text, cluster config, seed, saved requests)
 * kept in localStorage as they type, so a reload does not lose it.
 */
import { checkShareState, type SavedRequest } from '../../share/share-state';
import { useScenarioStore } from '../stores/scenario-store';
import { useRequestStore } from '../stores/request-store';
import { useLessonModeStore } from '../stores/lesson-mode-store';

export const WORK_KEY = 'k8s-services-seen-from-inside:work';
const SAVE_DEBOUNCE_MS = 400;

export interface SavedWork {
  yaml: string;
  clusterConfig: string | null;
  seed: number;
  savedRequests: SavedRequest[];
}

/** The saved work, or null when there is none (or it is unreadable: then it is ignored, not fatal). */
export function readSavedWork(): SavedWork | null {
  try {
    const raw = localStorage.getItem(WORK_KEY);
    if (!raw) return null;
    const w = JSON.parse(raw) as Partial<SavedWork>;
    // The same checks as a share link: storage is as untrusted as a URL.
    const s = checkShareState({
      scenario: { yaml: w.yaml, clusterConfig: w.clusterConfig, seed: w.seed },
      savedRequests: w.savedRequests,
      request: null,
      hop: -1,
      view: { selected: null, presenter: false, theme: 'system', tableView: false },
    });
    return { ...s.scenario, savedRequests: s.savedRequests };
  } catch {
    return null;
  }
}

export function saveWorkNow(): void {
  // A lesson's scenario is the lesson's (kept with the lesson progress), never the sandbox's work.
  if (useLessonModeStore.getState().id !== null) return;
  const s = useScenarioStore.getState();
  const work: SavedWork = { yaml: s.text, clusterConfig: s.clusterConfig, seed: s.seed, savedRequests: useRequestStore.getState().saved.map(({ from, url, name }) => ({ from, url, name })) };
  try {
    localStorage.setItem(WORK_KEY, JSON.stringify(work));
  } catch {
    // Storage full or disabled (private mode): the work simply is not kept.
  }
}

export function clearSavedWork(): void {
  try {
    localStorage.removeItem(WORK_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** Saves (debounced) on every change from now on, and at once when the page goes away. */
export function startSaving(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  const flush = (): void => {
    clearTimeout(timer);
    if (dirty) saveWorkNow();
    dirty = false;
  };
  const schedule = (): void => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DEBOUNCE_MS);
  };
  const unsubScenario = useScenarioStore.subscribe((s, prev) => {
    if (s.text !== prev.text || s.clusterConfig !== prev.clusterConfig || s.seed !== prev.seed) schedule();
  });
  const unsubRequests = useRequestStore.subscribe((s, prev) => {
    if (s.saved !== prev.saved) schedule();
  });
  addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubScenario();
    unsubRequests();
    removeEventListener('pagehide', flush);
  };
}
