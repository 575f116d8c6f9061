/**
 * Reading and writing the learner's work in a Storage (localStorage), and
 * saying plainly why it could not be: too big to be read back, storage full,
 * storage blocked. Pure over the Storage it is given (tested with fakes in
 * work-storage.test.ts); saved-work.ts wires it to the page and the stores.
 */
import { checkShareState, LIMITS, type SavedRequest } from '../../share/share-state';

export interface SavedWork {
  yaml: string;
  clusterConfig: string | null;
  seed: number;
  savedRequests: SavedRequest[];
}

/** As stored: which tab wrote it, and when (to tell tabs apart). */
export interface StoredWork extends SavedWork {
  tab?: string;
  savedAt?: number;
}

export type SaveOutcome = { ok: true } | { ok: false; problem: 'too-big' | 'full' | 'blocked'; message: string };

const kib = (chars: number): string => `${Math.ceil(chars / 1024)} KiB`;
const ONLY_HERE = 'Your edits stay in this tab only.';

/** Why this work would be refused when read back (the same limits as a share link), or null. */
export function sizeProblem(work: SavedWork): string | null {
  if (work.yaml.length > LIMITS.yamlChars) return `Not saved: the scenario is ${kib(work.yaml.length)}, over the ${kib(LIMITS.yamlChars)} this browser keeps. ${ONLY_HERE}`;
  if ((work.clusterConfig?.length ?? 0) > LIMITS.clusterConfigChars) return `Not saved: the cluster config is over ${kib(LIMITS.clusterConfigChars)}. ${ONLY_HERE}`;
  return null;
}

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
}

/** `storage` is a function: merely reading `localStorage` throws where storage is blocked. */
export function writeWork(storage: () => Storage, key: string, work: StoredWork): SaveOutcome {
  const big = sizeProblem(work);
  if (big) return { ok: false, problem: 'too-big', message: big };
  try {
    storage().setItem(key, JSON.stringify(work));
    return { ok: true };
  } catch (e) {
    return isQuotaError(e)
      ? { ok: false, problem: 'full', message: `Not saved: the browser's storage for this page is full. ${ONLY_HERE}` }
      : { ok: false, problem: 'blocked', message: `Not saved: this browser blocks storage for this page (private mode or site settings). ${ONLY_HERE}` };
  }
}

export type ReadOutcome = { work: StoredWork | null } | { work: null; unreadable: string; raw: string };

/** The work under `key`: null when there is none; unreadable (with why) when it does not pass the share-link checks. */
export function readWork(storage: () => Storage, key: string): ReadOutcome {
  let raw: string | null;
  try {
    raw = storage().getItem(key);
  } catch {
    return { work: null };
  }
  if (!raw) return { work: null };
  return parseWork(raw);
}

export function parseWork(raw: string): ReadOutcome {
  try {
    const w = JSON.parse(raw) as Partial<StoredWork>;
    // The same checks as a share link: storage is as untrusted as a URL.
    const s = checkShareState({
      scenario: { yaml: w.yaml, clusterConfig: w.clusterConfig, seed: w.seed },
      savedRequests: w.savedRequests,
      request: null,
      hop: -1,
      view: { selected: null, presenter: false, theme: 'system', tableView: false },
    });
    return {
      work: { ...s.scenario, savedRequests: s.savedRequests, ...(typeof w.tab === 'string' ? { tab: w.tab } : {}), ...(typeof w.savedAt === 'number' ? { savedAt: w.savedAt } : {}) },
    };
  } catch (e) {
    return { work: null, unreadable: e instanceof Error ? e.message : String(e), raw };
  }
}

/** Whether two works hold the same scenario, config, seed and saved requests (who wrote them aside). */
export function sameWork(a: SavedWork, b: SavedWork): boolean {
  const requests = (w: SavedWork): string => JSON.stringify(w.savedRequests.map((r) => [r.name, r.from, r.url]));
  return a.yaml === b.yaml && a.clusterConfig === b.clusterConfig && a.seed === b.seed && requests(a) === requests(b);
}
