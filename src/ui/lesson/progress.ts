/**
 * The learner's progress through the lessons, in localStorage: each lesson's
 * step reached, the steps completed, the actions taken (for the "par"), the
 * ops of the step in progress (so a reload puts the cluster back), and the
 * lesson open when the page went away. A teacher's lesson keeps its text too.
 * Storage is untrusted: whatever does not check out is ignored.
 */
import type { SessionOp } from '../../worker/protocol';

export const PROGRESS_KEY = 'k8s-services-seen-from-inside:lessons';
const MAX_HISTORY = 500;
const MAX_TEXT = 512 * 1024;

export interface LessonProgress {
  step: number;
  stepsDone: number[];
  done: boolean;
  /** Edits, commands, requests and clock advances the learner made in this lesson. */
  actions: number;
  /** The learner's ops since the current step began. */
  history: SessionOp[];
  /** A teacher's lesson: its file text, to open it again. */
  text?: string;
}

export interface Progress {
  lessons: Record<string, LessonProgress>;
  /** The lesson open when the page was left. */
  current: string | null;
  /** The first-visit offer was answered. */
  welcomed: boolean;
}

export const emptyProgress = (): Progress => ({ lessons: {}, current: null, welcomed: false });

const isInt = (v: unknown, max = 10_000): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

function checkOp(v: unknown): SessionOp | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const req = (r: unknown) => {
    const x = r as Record<string, unknown> | null;
    return x && typeof x.from === 'string' && typeof x.url === 'string' && x.from.length < 300 && x.url.length < 2048 ? { from: x.from, url: x.url } : null;
  };
  if (o.op === 'run' && typeof o.line === 'string' && o.line.length <= 4096) return { op: 'run', line: o.line };
  if (o.op === 'apply' && typeof o.yaml === 'string' && o.yaml.length <= MAX_TEXT) return { op: 'apply', yaml: o.yaml };
  if (o.op === 'advance' && isInt(o.seconds, 86_400)) return { op: 'advance', seconds: o.seconds };
  if (o.op === 'edit' && typeof o.text === 'string' && o.text.length <= MAX_TEXT) return { op: 'edit', text: o.text };
  if (o.op === 'trace' && req(o.request)) return { op: 'trace', request: req(o.request)! };
  if (o.op === 'send' && req(o.request) && isInt(o.count)) return { op: 'send', request: req(o.request)!, count: o.count };
  return null;
}

function checkLesson(v: unknown): LessonProgress | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (!isInt(o.step, 100) || !Array.isArray(o.stepsDone) || typeof o.done !== 'boolean' || !isInt(o.actions, 1_000_000) || !Array.isArray(o.history)) return null;
  const history = o.history.slice(0, MAX_HISTORY).map(checkOp);
  if (history.some((h) => h === null)) return null;
  return {
    step: o.step,
    stepsDone: o.stepsDone.filter((s): s is number => isInt(s, 100)),
    done: o.done,
    actions: o.actions,
    history: history as SessionOp[],
    ...(typeof o.text === 'string' && o.text.length <= MAX_TEXT ? { text: o.text } : {}),
  };
}

/** Parses stored progress; anything unreadable becomes empty progress. */
export function parseProgress(raw: string | null): Progress {
  if (!raw) return emptyProgress();
  try {
    const o = JSON.parse(raw) as Record<string, unknown>;
    const lessons: Record<string, LessonProgress> = {};
    if (typeof o.lessons === 'object' && o.lessons !== null) {
      for (const [id, v] of Object.entries(o.lessons)) {
        const p = ID.test(id) ? checkLesson(v) : null;
        if (p) lessons[id] = p;
      }
    }
    const current = typeof o.current === 'string' && Object.hasOwn(lessons, o.current) ? o.current : null;
    return { lessons, current, welcomed: o.welcomed === true };
  } catch {
    return emptyProgress();
  }
}

export function readProgress(): Progress {
  try {
    return parseProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    return emptyProgress();
  }
}

/** Writes progress; false when storage refused it (full or blocked). */
export function writeProgress(p: Progress): boolean {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(p));
    return true;
  } catch {
    return false;
  }
}

export function lessonProgress(p: Progress, id: string): LessonProgress {
  return Object.hasOwn(p.lessons, id) ? p.lessons[id]! : { step: 0, stepsDone: [], done: false, actions: 0, history: [] };
}

export function withLesson(p: Progress, id: string, change: (l: LessonProgress) => LessonProgress): Progress {
  const next = change(lessonProgress(p, id));
  return { ...p, lessons: { ...p.lessons, [id]: { ...next, history: compactHistory(next.history).slice(-MAX_HISTORY) } } };
}

/**
 * Edits typed in a row keep only the last text: each is the whole editor, and a
 * reload only needs where the typing ended (storage stays small).
 */
export function compactHistory(ops: SessionOp[]): SessionOp[] {
  return ops.filter((op, i) => !(op.op === 'apply' && ops[i + 1]?.op === 'apply'));
}
