/**
 * The UI's intents, sent to the simulation worker; the answers land in the
 * stores. The only place the UI talks to the worker.
 */
import type { ApplyResult, SimApi } from '../../worker/protocol';
import { createSimClient } from '../../worker/client';
import { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } from '../../sim/scenario/default-scenario';
import type { RequestSpec } from '../../sim/view/snapshot';
import { useClusterStore } from '../stores/cluster-store';
import { useScenarioStore } from '../stores/scenario-store';
import { useTerminalStore } from '../stores/terminal-store';
import { useTraceStore } from '../stores/trace-store';

const APPLY_DEBOUNCE_MS = 250;

let client: SimApi | null = null;
const sim = (): SimApi => (client ??= createSimClient());

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Apply answers arrive in order; only the newest request's answer counts. */
let applySeq = 0;
function applyAnswered(seq: number, result: ApplyResult): void {
  useClusterStore.getState().snapshotReceived(result.snapshot);
  if (seq === applySeq) useScenarioStore.getState().applied(result);
}

let booted: Promise<void> | null = null;

/** Loads the default scenario once (React's StrictMode mounts twice in development). */
export function bootSimulation(): Promise<void> {
  return (booted ??= boot());
}

async function boot(): Promise<void> {
  const seq = ++applySeq;
  try {
    applyAnswered(seq, await sim().load({ yaml: DEFAULT_SCENARIO_YAML, seed: DEFAULT_SEED }));
    const text = useScenarioStore.getState().text;
    // The learner may have typed while the worker was starting.
    if (text !== DEFAULT_SCENARIO_YAML) scheduleApply(text);
  } catch (e) {
    useClusterStore.getState().failed(`The simulation could not start: ${messageOf(e)}`);
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
export function yamlEdited(text: string): void {
  useScenarioStore.getState().textEdited(text);
  scheduleApply(text);
}

function scheduleApply(text: string): void {
  clearTimeout(timer);
  timer = setTimeout(() => void applyNow(text), APPLY_DEBOUNCE_MS);
}

async function applyNow(text: string): Promise<void> {
  const seq = ++applySeq;
  try {
    applyAnswered(seq, await sim().applyYaml(text));
  } catch (e) {
    if (seq === applySeq) useScenarioStore.getState().applyFailed(messageOf(e));
  }
}

export async function sendRequest(request: RequestSpec): Promise<void> {
  const trace = useTraceStore.getState();
  trace.requestSent();
  try {
    const result = await sim().trace(request);
    useClusterStore.getState().snapshotReceived(result.snapshot);
    useTraceStore.getState().traceReceived(result.trace);
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
    useClusterStore.getState().snapshotReceived(result.snapshot);
    useTerminalStore.getState().outputReceived(result.output, false);
  } catch (e) {
    useTerminalStore.getState().outputReceived(`internal error: ${messageOf(e)}`, true);
  }
}

export async function completeLine(line: string): Promise<string[]> {
  try {
    return await sim().complete(line);
  } catch {
    return [];
  }
}
