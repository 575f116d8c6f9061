/**
 * The UI's intents, sent to the simulation worker; the answers land in the
 * stores. The only place the UI talks to the worker.
 */
import type { ApplyResult, ScenarioInput, SimApi } from '../../worker/protocol';
import { createSimClient } from '../../worker/client';
import { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } from '../../sim/scenario/default-scenario';
import type { RequestSpec } from '../../sim/view/snapshot';
import { useClusterStore } from '../stores/cluster-store';
import { useScenarioStore } from '../stores/scenario-store';
import { useTerminalStore } from '../stores/terminal-store';
import { useTraceStore } from '../stores/trace-store';
import { useLoadStore } from '../stores/load-store';
import { serviceForUrl } from '../components/request-target';
import { lastAppliedYaml, useSessionLogStore } from '../stores/session-log-store';

/** A pause this short still sees a change within the same objects on the canvas at once. */
const APPLY_DEBOUNCE_MS = 40;
/** Edits that add, remove or rename objects wait for the typing to stop. */
const STRUCTURAL_DEBOUNCE_MS = 700;

let client: SimApi | null = null;
const sim = (): SimApi => (client ??= createSimClient());

/** The worker's API, for UI modules with intents of their own (lessons). */
export const simApi = sim;

/** Told after every edit, command, request, load experiment and clock advance answered (a lesson checks its tasks). */
type ActionListener = (kind: 'apply' | 'run' | 'trace' | 'send' | 'advance') => void;
const actionListeners = new Set<ActionListener>();
export function onActionDone(listener: ActionListener): () => void {
  actionListeners.add(listener);
  return () => actionListeners.delete(listener);
}
const actionDone = (kind: Parameters<ActionListener>[0]): void => actionListeners.forEach((l) => l(kind));

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Apply answers arrive in order; only the newest request's answer counts. */
let applySeq = 0;
function applyAnswered(seq: number, result: ApplyResult): void {
  useClusterStore.getState().snapshotReceived(result.snapshot);
  if (seq === applySeq) useScenarioStore.getState().applied(result);
}

let booted: Promise<void> | null = null;

const DEFAULT_INPUT: ScenarioInput = { yaml: DEFAULT_SCENARIO_YAML, seed: DEFAULT_SEED };

/**
 * Loads the first scenario once (React's StrictMode mounts twice in
 * development): the default, or what a share link or the saved work says.
 */
export function bootSimulation(input: ScenarioInput = DEFAULT_INPUT): Promise<void> {
  return (booted ??= loadScenario(input));
}

/** Starts over from a whole scenario (a fresh cluster with its seed); the editor takes its text. */
export async function loadScenario(input: ScenarioInput): Promise<void> {
  const shown = { yaml: input.yaml, clusterConfig: input.clusterConfig ?? null, seed: input.seed, history: input.history, showTraceAt: input.showTraceAt };
  await startSession(shown, () => sim().load(input));
}

/** What the screen shows of a session being started, before the worker answers. */
export interface SessionShown {
  yaml: string;
  clusterConfig: string | null;
  seed: number;
  history?: ScenarioInput['history'];
  showTraceAt?: number;
}

/**
 * Starts a new session with `load` (a scenario, or a lesson's step): the editor,
 * the session log and the terminal start over; edits still pending are dropped.
 * False when the worker could not start it.
 */
export async function startSession(shown: SessionShown, load: () => Promise<ApplyResult>): Promise<boolean> {
  const seq = ++applySeq;
  clearTimeout(timer);
  const shownText = lastAppliedYaml(shown.yaml, shown.history);
  useScenarioStore.getState().scenarioLoaded({ yaml: shownText, clusterConfig: shown.clusterConfig, seed: shown.seed });
  useSessionLogStore.getState().loaded(shown.yaml, shown.history, shown.showTraceAt);
  useTerminalStore.getState().promptReset();
  try {
    const loaded = await load();
    applyAnswered(seq, loaded);
    if (loaded.trace) useTraceStore.getState().traceReceived(loaded.trace);
    else useTraceStore.getState().cleared();
    const text = useScenarioStore.getState().text;
    // The learner may have typed while the worker was starting.
    if (text !== shownText) scheduleApply(text);
    return true;
  } catch (e) {
    useClusterStore.getState().failed(`The simulation could not start: ${messageOf(e)}`);
    return false;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
export function yamlEdited(text: string): void {
  useScenarioStore.getState().textEdited(text);
  scheduleApply(text);
}

function scheduleApply(text: string): void {
  clearTimeout(timer);
  timer = setTimeout(() => void applyNow(text, true), APPLY_DEBOUNCE_MS);
}

async function applyNow(text: string, quick: boolean): Promise<void> {
  const seq = ++applySeq;
  try {
    const result = await sim().applyYaml(text, { onlyIfSameObjects: quick });
    if (result.deferred) {
      if (seq === applySeq) timer = setTimeout(() => void applyNow(text, false), STRUCTURAL_DEBOUNCE_MS - APPLY_DEBOUNCE_MS);
      return;
    }
    useSessionLogStore.getState().done({ op: 'apply', yaml: text });
    applyAnswered(seq, result);
    actionDone('apply');
  } catch (e) {
    if (seq === applySeq) useScenarioStore.getState().applyFailed(messageOf(e));
  }
}

export async function sendRequest(request: RequestSpec): Promise<void> {
  const trace = useTraceStore.getState();
  trace.requestSent();
  try {
    const result = await sim().trace(request);
    const log = useSessionLogStore.getState();
    log.traceShown(log.done({ op: 'trace', request }));
    useClusterStore.getState().snapshotReceived(result.snapshot);
    useTraceStore.getState().traceReceived(result.trace);
    actionDone('trace');
  } catch (e) {
    useTraceStore.getState().traceFailed(messageOf(e));
  }
}

export async function runLine(line: string): Promise<void> {
  const term = useTerminalStore.getState();
  term.lineEntered(line);
  if (!line.trim()) return term.outputReceived('', false);
  try {
    const result = await sim().run(line);
    useSessionLogStore.getState().done({ op: 'run', line });
    useClusterStore.getState().snapshotReceived(result.snapshot);
    useTerminalStore.getState().outputReceived(result.output, false, result.prompt);
    actionDone('run');
  } catch (e) {
    useTerminalStore.getState().outputReceived(`internal error: ${messageOf(e)}`, true);
  }
}

/** A read-only command's output for a view (events, node rules); an empty text when the worker fails. */
export async function peekLine(line: string): Promise<string> {
  try {
    return await sim().peek(line);
  } catch {
    return '';
  }
}

export async function completeLine(line: string): Promise<string[]> {
  try {
    return await sim().complete(line);
  } catch {
    return [];
  }
}

/** The load view: the same request many times, counted by the pod that answered. */
export async function sendLoad(request: RequestSpec, count: number): Promise<void> {
  useLoadStore.getState().loadSent();
  try {
    const result = await sim().sendMany(request, count);
    useSessionLogStore.getState().done({ op: 'send', request, count });
    useClusterStore.getState().snapshotReceived(result.snapshot);
    const svc = serviceForUrl(result.snapshot, request.url);
    useLoadStore.getState().loadReceived({ result, proxyMode: result.snapshot.proxyMode, affinity: svc?.sessionAffinity ?? 'None' });
    actionDone('send');
  } catch (e) {
    useLoadStore.getState().loadFailed(messageOf(e));
  }
}

/** Lets simulated time pass: readiness delays run out, terminating pods finish. */
export async function advanceClock(seconds: number): Promise<void> {
  try {
    const snapshot = await sim().advance(seconds);
    useSessionLogStore.getState().done({ op: 'advance', seconds });
    useClusterStore.getState().snapshotReceived(snapshot);
    actionDone('advance');
  } catch (e) {
    useClusterStore.getState().failed(`The clock could not advance: ${messageOf(e)}`);
  }
}
