/**
 * What a share link holds: everything needed to reopen exactly this view.
 * The UI fills it from its stores (src/ui/share/collect-share-state.ts) and
 * applies it on open; this file only says its shape and checks it.
 */
import type { RequestSpec } from '../sim/view/snapshot';
import type { SessionOp } from '../worker/protocol';

export type ThemeChoice = 'light' | 'dark' | 'system';

/** A request the learner kept (by name) to send again later. */
export interface SavedRequest extends RequestSpec {
  name: string;
}

export interface ShareState {
  scenario: {
    /** The scenario's Kubernetes YAML, as in the editor. */
    yaml: string;
    /** kind Cluster config YAML; null for the default cluster. */
    clusterConfig: string | null;
    seed: number;
  };
  savedRequests: SavedRequest[];
  /** The request whose trace is shown (re-run on open); null when none was sent. */
  request: RequestSpec | null;
  /** Index into that trace's hops of the hop shown; -1 for none. */
  hop: number;
  /**
   * What was done since the scenario was loaded (edits, commands, requests, time),
   * replayed on open so the cluster is exactly the sender's. Absent in older links
   * and when it did not fit: the scenario then opens fresh and the request is re-run.
   */
  history?: SessionOp[];
  /** The index in `history` of the trace shown. */
  traceOp?: number;
  /**
   * A link made inside a lesson: the lesson and its step (0-based); `history` then holds the
   * ops since that step began. A teacher's own lesson travels whole in `text`.
   */
  lesson?: { id: string; step: number; text?: string };
  view: {
    /** A graph element id ("pod:default/web-..."), or null. */
    selected: string | null;
    presenter: boolean;
    theme: ThemeChoice;
    tableView: boolean;
  };
}

/** Limits a decoded link must respect; a hostile link cannot make the app allocate more. */
export const LIMITS = {
  yamlChars: 256 * 1024,
  clusterConfigChars: 64 * 1024,
  savedRequests: 100,
  urlChars: 2048,
  fromChars: 300,
  nameChars: 200,
  selectedChars: 300,
  maxHop: 10_000,
  maxSeed: 2 ** 32 - 1,
  historyOps: 2000,
  lessonIdChars: 63,
  lessonTextChars: 512 * 1024,
  maxStep: 100,
  lineChars: 4096,
  maxCount: 10_000,
  maxSeconds: 86_400 * 365,
} as const;

type Check<T> = (v: unknown, path: string) => T;

/** Thrown inside validation only; the decoder turns it into a typed error. */
export class ShapeError extends Error {}

const fail = (path: string, what: string): never => {
  throw new ShapeError(`${path} ${what}`);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str = (max: number): Check<string> => (v, path) =>
  typeof v !== 'string' ? fail(path, 'is not a string') : v.length > max ? fail(path, `is longer than ${max} characters`) : v;
const int = (min: number, max: number): Check<number> => (v, path) =>
  typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max ? fail(path, `is not a whole number from ${min} to ${max}`) : v;
const bool: Check<boolean> = (v, path) => (typeof v === 'boolean' ? v : fail(path, 'is not true or false'));
const nullable = <T>(c: Check<T>): Check<T | null> => (v, path) => (v === null ? null : c(v, path));
const obj = (v: unknown, path: string): Record<string, unknown> => (isObject(v) ? v : fail(path, 'is not an object'));

function request(v: unknown, path: string): RequestSpec {
  const o = obj(v, path);
  return { from: str(LIMITS.fromChars)(o.from, `${path}.from`), url: str(LIMITS.urlChars)(o.url, `${path}.url`) };
}

function savedRequest(v: unknown, path: string): SavedRequest {
  const o = obj(v, path);
  return { ...request(o, path), name: str(LIMITS.nameChars)(o.name, `${path}.name`) };
}

function theme(v: unknown, path: string): ThemeChoice {
  return v === 'light' || v === 'dark' || v === 'system' ? v : fail(path, 'is not light, dark or system');
}

function sessionOp(v: unknown, path: string): SessionOp {
  const o = obj(v, path);
  switch (o.op) {
    case 'apply':
      return { op: 'apply', yaml: str(LIMITS.yamlChars)(o.yaml, `${path}.yaml`) };
    case 'run':
      return { op: 'run', line: str(LIMITS.lineChars)(o.line, `${path}.line`) };
    case 'trace':
      return { op: 'trace', request: request(o.request, `${path}.request`) };
    case 'send':
      return { op: 'send', request: request(o.request, `${path}.request`), count: int(0, LIMITS.maxCount)(o.count, `${path}.count`) };
    case 'advance':
      return { op: 'advance', seconds: int(0, LIMITS.maxSeconds)(o.seconds, `${path}.seconds`) };
    case 'edit':
      return { op: 'edit', text: str(LIMITS.yamlChars)(o.text, `${path}.text`) };
    default:
      return fail(`${path}.op`, 'is not apply, run, trace, send, advance or edit');
  }
}

function history(v: unknown): Pick<ShareState, 'history' | 'traceOp'> {
  if (v === undefined) return {};
  if (!Array.isArray(v)) return fail('history', 'is not a list');
  if (v.length > LIMITS.historyOps) fail('history', `has more than ${LIMITS.historyOps} entries`);
  return { history: v.map((x, i) => sessionOp(x, `history[${i}]`)) };
}

function lesson(v: unknown): Pick<ShareState, 'lesson'> {
  if (v === undefined) return {};
  const o = obj(v, 'lesson');
  const id = str(LIMITS.lessonIdChars)(o.id, 'lesson.id');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail('lesson.id', 'is not a lesson id');
  return {
    lesson: {
      id,
      step: int(0, LIMITS.maxStep)(o.step, 'lesson.step'),
      ...(o.text === undefined ? {} : { text: str(LIMITS.lessonTextChars)(o.text, 'lesson.text') }),
    },
  };
}

/** Checks untrusted data (a decoded link) against ShareState; throws ShapeError naming the first bad field. */
export function checkShareState(v: unknown): ShareState {
  const o = obj(v, 'link');
  const sc = obj(o.scenario, 'scenario');
  const view = obj(o.view, 'view');
  const saved = o.savedRequests;
  if (!Array.isArray(saved)) fail('savedRequests', 'is not a list');
  if ((saved as unknown[]).length > LIMITS.savedRequests) fail('savedRequests', `has more than ${LIMITS.savedRequests} entries`);
  return {
    scenario: {
      yaml: str(LIMITS.yamlChars)(sc.yaml, 'scenario.yaml'),
      clusterConfig: nullable(str(LIMITS.clusterConfigChars))(sc.clusterConfig, 'scenario.clusterConfig'),
      seed: int(0, LIMITS.maxSeed)(sc.seed, 'scenario.seed'),
    },
    savedRequests: (saved as unknown[]).map((r, i) => savedRequest(r, `savedRequests[${i}]`)),
    request: o.request === null ? null : request(o.request, 'request'),
    hop: int(-1, LIMITS.maxHop)(o.hop, 'hop'),
    ...history(o.history),
    ...(o.traceOp === undefined ? {} : { traceOp: int(-1, LIMITS.historyOps)(o.traceOp, 'traceOp') }),
    ...lesson(o.lesson),
    view: {
      selected: nullable(str(LIMITS.selectedChars))(view.selected, 'view.selected'),
      presenter: bool(view.presenter, 'view.presenter'),
      theme: theme(view.theme, 'view.theme'),
      tableView: bool(view.tableView, 'view.tableView'),
    },
  };
}
