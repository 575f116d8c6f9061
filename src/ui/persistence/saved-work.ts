/**
 * The learner's work (scenario text, cluster config, seed, saved requests)
 * kept in localStorage as they type, so a reload does not lose it; and never
 * lost without a word: what a share link, a reset or another tab replaces
 * goes to a backup slot first ("Restore my previous work", previous-work.ts),
 * another tab's save pauses this tab's saving until the learner chooses
 * (tab-watch.ts), and work that cannot be saved says why in the status line.
 */
import { useScenarioStore } from '../stores/scenario-store';
import { useRequestStore } from '../stores/request-store';
import { useLessonModeStore } from '../stores/lesson-mode-store';
import { useNoticeStore } from '../stores/notice-store';
import { readWork, sameWork, writeWork, type SavedWork, type StoredWork } from './work-storage';

export type { SavedWork } from './work-storage';

export const WORK_KEY = 'k8s-services-seen-from-inside:work';
/** What was saved before a share link, a reset, a restore or another tab replaced it. */
export const PREVIOUS_KEY = 'k8s-services-seen-from-inside:previous-work';
/** A saved work this version cannot read (kept, never overwritten silently). */
export const UNREADABLE_KEY = 'k8s-services-seen-from-inside:unreadable-work';
const SAVE_DEBOUNCE_MS = 400;

/** This page's id, stamped on what it saves, so a tab knows its own writes from another's. */
export const TAB_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const storage = (): Storage => localStorage;

/** The saved work, or null when there is none. Unreadable work is moved aside (and said), not overwritten. */
export function readSavedWork(): SavedWork | null {
  const read = readWork(storage, WORK_KEY);
  if ('unreadable' in read) {
    try {
      storage().setItem(UNREADABLE_KEY, read.raw);
      storage().removeItem(WORK_KEY);
    } catch {
      // Left where it is.
    }
    useNoticeStore.getState().shown({ id: 'work', tone: 'warn', text: `Your saved work could not be read (${read.unreadable}), so the default scenario opened. The unreadable copy is kept in this browser's storage.` });
    return null;
  }
  return read.work ? withoutStamp(read.work) : null;
}

export function readPreviousWork(): SavedWork | null {
  const read = readWork(storage, PREVIOUS_KEY);
  return read.work ? withoutStamp(read.work) : null;
}

function withoutStamp({ yaml, clusterConfig, seed, savedRequests }: StoredWork): SavedWork {
  return { yaml, clusterConfig, seed, savedRequests };
}

/** The work on screen now. */
export function currentWork(): SavedWork {
  const s = useScenarioStore.getState();
  return { yaml: s.text, clusterConfig: s.clusterConfig, seed: s.seed, savedRequests: useRequestStore.getState().saved.map(({ from, url, name }) => ({ from, url, name })) };
}

let paused: string | null = null;

/** Stops saving (another tab saved; the reason is shown in the status line), or resumes with null. */
export function pauseSaving(reason: string | null): void {
  paused = reason;
  useNoticeStore.getState().saveProblemChanged(reason);
}

/** Saves the work on screen; a problem (too big, storage full or blocked, paused) is said in the status line. */
export function saveWorkNow(): boolean {
  if (paused) return false;
  // A lesson's scenario is the lesson's (kept with the lesson progress), never the sandbox's work.
  if (useLessonModeStore.getState().id !== null) return false;
  const out = writeWork(storage, WORK_KEY, { ...currentWork(), tab: TAB_ID, savedAt: Date.now() });
  useNoticeStore.getState().saveProblemChanged(out.ok ? null : out.message);
  return out.ok;
}

/** Puts `work` in the backup slot, unless it holds nothing worth keeping. Returns whether it did. */
export function keepAsPrevious(work: SavedWork | null, unless?: SavedWork): boolean {
  if (!work || (unless && sameWork(work, unless))) return false;
  return writeWork(storage, PREVIOUS_KEY, { ...work, savedAt: Date.now() }).ok;
}

export function clearSavedWork(): void {
  try {
    storage().removeItem(WORK_KEY);
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
