/**
 * The UI's intents, sent to the simulation worker; the answers land in the
 * stores. The only place the UI talks to the worker, through a supervised
 * client (worker/supervisor.ts): a call that overruns its deadline, a dead
 * worker, Ctrl+C or a new scenario replaces the worker, rebuilt from the
 * session's history (the session-log store), and the learner is told in one line.
 */
import type { ApplyResult, EditView, ScenarioInput, SimApi } from '../../worker/protocol';
import { createSupervisedClient, SimLostError, type SimSupervisor, type SupervisorEvent } from '../../worker/client';
import { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } from '../../sim/scenario/default-scenario';
import type { RequestSpec } from '../../sim/view/snapshot';
import { useClusterStore } from '../stores/cluster-store';
import { useScenarioStore } from '../stores/scenario-store';
import { useTerminalStore } from '../stores/terminal-store';
import { useLessonModeStore } from '../stores/lesson-mode-store';
import { useTraceStore } from '../stores/trace-store';
import { useLoadStore } from '../stores/load-store';
import { serviceForUrl } from '../components/request-target';
import { lastAppliedYaml, useSessionLogStore } from '../stores/session-log-store';
import { useNoticeStore } from '../stores/notice-store';
import { useKubectlEditStore } from '../stores/kubectl-edit-store';
import { firstWorkerHang, installTestHooks, testHooksWanted } from './test-hooks';

/**
 * Keystrokes closer together than this are one burst: the first edit after a pause
 * applies at once, the rest of the burst once it stops for this long.
 */
const APPLY_DEBOUNCE_MS = 40;
/** Edits that add, remove or rename objects wait for the typing to stop. */
const STRUCTURAL_DEBOUNCE_MS = 700;

let supervisor: SimSupervisor | null = null;
function supervised(): SimSupervisor {
  if (supervisor) return supervisor;
  supervisor = createSupervisedClient({ history: sessionHistory, onEvent: simEvent, test: testHooksWanted(), hangFirstMs: firstWorkerHang() });
  if (testHooksWanted()) installTestHooks(supervisor);
  return supervisor;
}

/** The supervised SimApi, for any UI module that needs the simulation (its answers do not land in the stores by themselves). */
export const simApi = (): SimApi => supervised().api;
const sim = simApi;

/** Told after every edit, command, request, load experiment and clock advance answered, and after a rebuilt worker (a lesson checks its tasks). */
export type ActionKind = 'apply' | 'run' | 'trace' | 'send' | 'advance' | 'rebuilt';
type ActionListener = (kind: ActionKind) => void;
const actionListeners = new Set<ActionListener>();
export function onActionDone(listener: ActionListener): () => void {
  actionListeners.add(listener);
  return () => actionListeners.delete(listener);
}
const actionDone = (kind: ActionKind): void => actionListeners.forEach((l) => l(kind));

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
/** A call dropped because a new scenario replaced the session: nobody needs telling. */
const superseded = (e: unknown): boolean => e instanceof SimLostError && e.reason === 'reset';

/** What the supervisor rebuilds a replacement worker from: the loaded scenario and the ops done since. */
function sessionHistory(): ScenarioInput | null {
  if (!booting) return null;
  const log = useSessionLogStore.getState();
  const { seed, clusterConfig } = useScenarioStore.getState();
  const lesson = useLessonModeStore.getState();
  // In a lesson, the worker reopens the lesson's step and replays the step's ops.
  const inLesson = lesson.id !== null && lesson.text !== null ? { lesson: { text: lesson.text, step: lesson.step, ...(lesson.file ? { file: lesson.file } : {}) } } : {};
  return { yaml: log.baseYaml, seed, ...(clusterConfig ? { clusterConfig } : {}), history: log.ops, ...inLesson };
}

function simEvent(event: SupervisorEvent): void {
  const notices = useNoticeStore.getState();
  if (event.kind === 'failed') {
    useClusterStore.getState().failed(`The simulation could not be restarted: ${event.message}`);
    notices.shown({ id: 'sim', tone: 'error', text: 'The simulation stopped and could not be restarted. Reload the page; your scenario text is saved.' });
    return;
  }
  useClusterStore.getState().snapshotReceived(event.result.snapshot);
  useTerminalStore.getState().promptReset();
  editLost('the simulation was restarted');
  actionDone('rebuilt');
  const log = useSessionLogStore.getState();
  if (event.dropped > 0) {
    // The cluster is the scenario as loaded; the editor's newer text applies again.
    log.loaded(log.baseYaml, []);
    const text = useScenarioStore.getState().text;
    if (text !== log.baseYaml) scheduleApply(text);
  }
  // Ctrl+C says "^C" in the terminal; a lost command says why there.
  const told = event.reason === 'interrupted' || event.method === 'run';
  const lostSteps = event.dropped > 0 ? ` ${event.dropped} step${event.dropped === 1 ? '' : 's'} of your history could not be replayed: the cluster is your scenario as loaded.` : '';
  if (told && !lostSteps) return;
  const why = event.reason === 'timeout' ? 'The simulation stopped answering' : event.reason === 'died' ? 'The simulation stopped unexpectedly' : 'The simulation was interrupted';
  notices.shown({ id: 'sim', tone: lostSteps ? 'warn' : 'info', text: `${why}, so it was restarted from your history.${lostSteps}` });
}

/** Whether the first scenario was sent to the simulation (later ones go through loadScenario). */
export const booted = (): boolean => booting;

/** Ctrl+C in the terminal: ends the command that runs (the worker with it) and rebuilds the session without it. */
export function interruptRun(): boolean {
  return supervisor?.interrupt('run') ?? false;
}

/** Apply answers arrive in order; only the newest request's answer counts. */
let applySeq = 0;
function applyAnswered(seq: number, result: ApplyResult): void {
  useClusterStore.getState().snapshotReceived(result.snapshot);
  if (seq === applySeq) useScenarioStore.getState().applied(result);
}

let bootPromise: Promise<void> | null = null;
let booting = false;

const DEFAULT_INPUT: ScenarioInput = { yaml: DEFAULT_SCENARIO_YAML, seed: DEFAULT_SEED };

/**
 * Loads the first scenario once (React's StrictMode mounts twice in
 * development): the default, or what a share link or the saved work says.
 */
export function bootSimulation(input: ScenarioInput = DEFAULT_INPUT): Promise<void> {
  booting = true;
  return (bootPromise ??= loadScenario(input));
}

/** Starts over from a whole scenario (a fresh cluster with its seed); the editor takes its text. */
export async function loadScenario(input: ScenarioInput): Promise<void> {
  const shown = { yaml: input.yaml, clusterConfig: input.clusterConfig ?? null, seed: input.seed, history: input.history, showTraceAt: input.showTraceAt };
  await startSession(shown, () => sim().load(input), input);
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
 * A scenario that cannot start opens through `fallback` (its text kept, the error
 * marked). False when the session did not start as asked.
 */
export async function startSession(shown: SessionShown, load: () => Promise<ApplyResult>, fallback?: ScenarioInput): Promise<boolean> {
  // A session exists from now on: a lost worker is rebuilt from it.
  booting = true;
  // Whatever the worker is doing (a hung call included), the new scenario goes first.
  supervised().reset();
  const seq = ++applySeq;
  clearTimeout(timer);
  const shownText = lastAppliedYaml(shown.yaml, shown.history);
  useScenarioStore.getState().scenarioLoaded({ yaml: shownText, clusterConfig: shown.clusterConfig, seed: shown.seed });
  useSessionLogStore.getState().loaded(shown.yaml, shown.history, shown.showTraceAt);
  useTerminalStore.getState().promptReset();
  useKubectlEditStore.getState().closed();
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
    if (superseded(e)) return false;
    if (fallback) await loadFallback(seq, fallback, messageOf(e));
    else useClusterStore.getState().failed(`The simulation could not start: ${messageOf(e)}`);
    return false;
  }
}

/**
 * A scenario that cannot start the simulation (it throws or overruns) still
 * opens: the text stays in the editor with the error marked, on an empty
 * cluster (or the scenario without its history, when only the replay failed).
 */
async function loadFallback(seq: number, input: ScenarioInput, why: string): Promise<void> {
  const log = useSessionLogStore.getState();
  try {
    if (input.history?.length) {
      const plain = await sim().load({ ...input, history: [] });
      log.loaded(input.yaml, []);
      applyAnswered(seq, plain);
      useNoticeStore.getState().shown({ id: 'sim', tone: 'warn', text: `The scenario opened, but its history could not be replayed (${why}).` });
      return;
    }
    const empty = await sim().load({ yaml: '', seed: input.seed, ...(input.clusterConfig ? { clusterConfig: input.clusterConfig } : {}) });
    log.loaded('', []);
    useClusterStore.getState().snapshotReceived(empty.snapshot);
    const message = `The simulation could not start with this text: ${why}`;
    if (seq === applySeq) {
      useScenarioStore.getState().applied({ ok: false, summary: message, diagnostics: [{ startLine: 1, startColumn: 1, endLine: 1, endColumn: 2, message, severity: 'error' }] });
    }
  } catch (e) {
    if (superseded(e)) return;
    const message = `The simulation could not start: ${messageOf(e)}`;
    useClusterStore.getState().failed(message);
    // The status line says it too; an edit tries again on a fresh worker.
    if (seq === applySeq) useScenarioStore.getState().applyFailed(message);
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
let lastEditAt = Number.NEGATIVE_INFINITY;
export function yamlEdited(text: string): void {
  useScenarioStore.getState().textEdited(text);
  scheduleApply(text);
}

function scheduleApply(text: string): void {
  const now = performance.now();
  const afterPause = now - lastEditAt >= APPLY_DEBOUNCE_MS;
  lastEditAt = now;
  clearTimeout(timer);
  timer = undefined;
  if (afterPause) void applyNow(text, true);
  else timer = setTimeout(() => void applyNow(text, true), APPLY_DEBOUNCE_MS);
}

async function applyNow(text: string, quick: boolean): Promise<void> {
  const seq = ++applySeq;
  try {
    const result = await sim().applyYaml(text, { onlyIfSameObjects: quick });
    if (result.deferred) {
      // An edit typed since has its own apply coming, which waits in turn.
      if (seq === applySeq && text === useScenarioStore.getState().text) {
        clearTimeout(timer);
        timer = setTimeout(() => void applyNow(text, false), STRUCTURAL_DEBOUNCE_MS - APPLY_DEBOUNCE_MS);
      }
      return;
    }
    useSessionLogStore.getState().done({ op: 'apply', yaml: text });
    applyAnswered(seq, result);
    actionDone('apply');
  } catch (e) {
    if (superseded(e)) return;
    const why = e instanceof SimLostError ? `This edit was not applied: ${e.message}. The cluster is as your last applied text left it.` : messageOf(e);
    if (seq === applySeq) useScenarioStore.getState().applyFailed(why);
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
    useTraceStore.getState().traceFailed(superseded(e) ? '' : e instanceof SimLostError ? `The request was not traced: ${e.message}.` : messageOf(e));
  }
}

export async function runLine(line: string): Promise<void> {
  const term = useTerminalStore.getState();
  const continuing = term.prompt === '>';
  term.lineEntered(line);
  // A blank line at bash's prompt does nothing; inside a here-document it is part of the body.
  if (!line.trim() && !continuing) return term.outputReceived('', false);
  try {
    const result = await sim().run(line);
    useSessionLogStore.getState().done({ op: 'run', line });
    useClusterStore.getState().snapshotReceived(result.snapshot);
    if (result.edit) editOpened(result.edit);
    // A line run while an edit was open (a lesson's "Show me") ended that edit in the worker.
    else useKubectlEditStore.getState().closed();
    useTerminalStore.getState().outputReceived(result.output, false, result.prompt);
    actionDone('run');
  } catch (e) {
    const term = useTerminalStore.getState();
    if (superseded(e)) term.outputReceived('', false);
    else if (e instanceof SimLostError && e.reason === 'interrupted') term.outputReceived('^C', false);
    else if (e instanceof SimLostError) term.outputReceived(`${capitalised(e.message)}; it was restarted from your history without this command.`, true);
    else term.outputReceived(`internal error: ${messageOf(e)}`, true);
  }
}

/** Ctrl+C while a here-document is being typed: the shell drops it (recorded, so a rebuilt worker drops it too). */
export async function cancelContinuation(): Promise<void> {
  // ETX, the character Ctrl+C types: the shell's INTERRUPT.
  const line = '\u0003';
  try {
    const result = await sim().run(line);
    useSessionLogStore.getState().done({ op: 'run', line });
    useTerminalStore.getState().outputReceived('', false, result.prompt);
  } catch {
    useTerminalStore.getState().promptReset();
  }
}

/** kubectl edit's file goes to the editor pane (in a lesson, its tab comes forward); the terminal waits. */
function editOpened(view: EditView): void {
  useKubectlEditStore.getState().opened(view);
  if (useLessonModeStore.getState().id !== null) useLessonModeStore.getState().leftTabChosen('yaml');
}

/** The worker that held the edit is gone: the editor closes and the terminal says why. */
function editLost(why: string): void {
  if (!useKubectlEditStore.getState().view) return;
  useKubectlEditStore.getState().closed();
  useTerminalStore.getState().outputReceived(`kubectl edit ended: ${why}; your edit was not saved.`, true, '$');
}

/**
 * kubectl edit's editor saved `text` (Cancel sends the text it opened with, as quitting an
 * editor without saving does): kubectl's lines go to the terminal, then its prompt, unless
 * kubectl reopens the file with what went wrong.
 */
export async function saveKubectlEdit(text: string): Promise<void> {
  const edit = useKubectlEditStore.getState();
  if (!edit.view || edit.saving) return;
  edit.savingStarted();
  try {
    const result = await sim().editSaved(text);
    useSessionLogStore.getState().done({ op: 'edit', text });
    useClusterStore.getState().snapshotReceived(result.snapshot);
    if (result.edit) {
      editOpened(result.edit);
      useTerminalStore.getState().outputReceived(result.output, false);
    } else {
      useKubectlEditStore.getState().closed();
      useTerminalStore.getState().outputReceived(result.output, false, result.prompt);
    }
    actionDone('run');
  } catch (e) {
    if (superseded(e)) return;
    editLost(e instanceof SimLostError ? e.message : messageOf(e));
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
    useLoadStore.getState().loadFailed(superseded(e) ? '' : messageOf(e));
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
    if (e instanceof SimLostError) return;
    useClusterStore.getState().failed(`The clock could not advance: ${messageOf(e)}`);
  }
}
