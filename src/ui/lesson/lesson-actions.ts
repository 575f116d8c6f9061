/**
 * A lesson's intents: open one at a step, move between steps, check the tasks
 * after everything the learner does, replay a step's solution ("Show me"),
 * and leave for the sandbox. Progress is written as it changes.
 */
import { editorTextAt } from '../../lessons/lesson-steps';
import { parseLesson } from '../../lessons/parse-lesson';
import type { Lesson, LessonChip, LessonOp } from '../../lessons/schema';
import type { LessonStatus, SessionOp } from '../../worker/protocol';
import { advanceClock, loadScenario, onActionDone, runLine, sendLoad, sendRequest, simApi, startSession, yamlEdited } from '../app/sim-actions';
import { readSavedWork } from '../persistence/saved-work';
import { useClusterStore } from '../stores/cluster-store';
import { useLessonFocusStore } from '../stores/lesson-focus-store';
import { useLessonModeStore } from '../stores/lesson-mode-store';
import { useRequestStore } from '../stores/request-store';
import { useScenarioStore } from '../stores/scenario-store';
import { useSessionLogStore } from '../stores/session-log-store';
import { useTerminalStore } from '../stores/terminal-store';
import { useTraceStore } from '../stores/trace-store';
import { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } from '../../sim/scenario/default-scenario';
import { findLesson } from './catalog';
import { highlightIds } from './highlight';
import { useLessonStore, type ActiveLesson } from './lesson-store';
import { lessonProgress, withLesson, writeProgress, type Progress } from './progress';

function saveProgress(change: (p: Progress) => Progress): void {
  const next = change(useLessonStore.getState().progress);
  useLessonStore.getState().progressChanged(next);
  writeProgress(next);
}

function focusStep(): void {
  const { active, status } = useLessonStore.getState();
  const step = active && status ? active.lesson.steps[status.step] : undefined;
  useLessonFocusStore.getState().focused(highlightIds(step?.highlight, useClusterStore.getState().snapshot));
}

let watching = false;

/** From now on, every action answered checks the tasks. */
function watchActions(): void {
  if (watching) return;
  watching = true;
  onActionDone((kind) => void checkTasks(kind !== 'rebuilt'));
  useClusterStore.subscribe((s, prev) => {
    if (s.snapshot !== prev.snapshot) focusStep();
  });
}

/** "NS/NAME" for the request bar's From. */
const fromOf = (from: string): string => (from === 'workstation' || from.includes('/') ? from : `default/${from}`);

export interface LessonSource {
  text: string;
  file: string;
  builtIn: boolean;
}

/**
 * Opens a lesson at a step (0-based): a fresh cluster from its start, the
 * solutions of the steps before replayed, then `history` (the learner's own
 * ops in this step, after a reload or from a link). A lesson that does not
 * pass the schema opens nothing and lists its problems.
 */
export async function openLesson(source: LessonSource, step: number, history: SessionOp[] = [], showTraceAt?: number): Promise<boolean> {
  const parsed = parseLesson(source.text, source.file);
  if (!parsed.ok) {
    useLessonStore.getState().problemsFound(source.file, parsed.problems);
    return false;
  }
  const lesson = parsed.lesson;
  const at = Math.max(0, Math.min(lesson.steps.length - 1, step));
  let status: LessonStatus | null = null;
  // Lesson mode first: the sandbox's saved work must never take the lesson's text.
  const was = useLessonModeStore.getState();
  useLessonModeStore.getState().lessonEntered(lesson.id, at, source);
  const ok = await startSession(
    { yaml: editorTextAt(lesson, at), clusterConfig: lesson.start.cluster ?? null, seed: lesson.start.seed ?? 1, history, ...(showTraceAt !== undefined ? { showTraceAt } : {}) },
    async () => {
      const r = await simApi().lessonOpen({ text: source.text, file: source.file, step: at, history, ...(showTraceAt !== undefined ? { showTraceAt } : {}) });
      if (!r.ok) throw new Error(r.problems[0]?.message ?? 'the lesson could not be opened');
      status = r.status;
      return r.apply;
    },
  );
  if (!ok || !status) {
    if (was.id && was.text !== null) useLessonModeStore.getState().lessonEntered(was.id, was.step, { text: was.text, file: was.file ?? `${was.id}.yaml`, builtIn: was.builtIn });
    else useLessonModeStore.getState().lessonLeft();
    return false;
  }
  const active: ActiveLesson = { lesson, text: source.text, builtIn: source.builtIn };
  useLessonStore.getState().opened(active, status);
  useLessonModeStore.getState().mapToggled(false);
  saveProgress((p) => ({
    ...withLesson(p, lesson.id, (l) => ({ ...l, step: at, history, ...(source.builtIn ? {} : { text: source.text }) })),
    current: lesson.id,
    welcomed: true,
  }));
  watchActions();
  focusStep();
  return true;
}

/** Opens a built-in lesson by id where the learner left it (or at `step`). */
export async function openBuiltIn(id: string, step?: number): Promise<boolean> {
  const entry = findLesson(id);
  if (!entry) return false;
  const kept = lessonProgress(useLessonStore.getState().progress, id);
  const resume = step === undefined && !kept.done;
  return openLesson({ text: entry.text, file: entry.file, builtIn: true }, step ?? (resume ? kept.step : 0), resume ? kept.history : []);
}

/** A teacher's lesson the learner was playing (its text kept with the progress). */
export async function openSavedTeacherLesson(id: string): Promise<boolean> {
  const kept = lessonProgress(useLessonStore.getState().progress, id);
  if (!kept.text) return false;
  return openLesson({ text: kept.text, file: `${id}.yaml`, builtIn: false }, kept.step, kept.history);
}

/** A share link's lesson: a built-in one by id, or a teacher's carried whole; then the sender's ops in that step. */
export async function openLessonFromLink(link: { id: string; step: number; text?: string }, history: SessionOp[], traceOp?: number): Promise<boolean> {
  const entry = link.text === undefined ? findLesson(link.id) : undefined;
  if (link.text === undefined && !entry) return false;
  const source: LessonSource = entry ? { text: entry.text, file: entry.file, builtIn: true } : { text: link.text!, file: `${link.id}.yaml`, builtIn: false };
  return openLesson(source, link.step, history, traceOp !== undefined && traceOp >= 0 ? traceOp : undefined);
}

/** Checks the current step's tasks; `acted` counts one learner action. */
export async function checkTasks(acted: boolean): Promise<void> {
  const { active } = useLessonStore.getState();
  if (!active) return;
  const status = await simApi().lessonStatus();
  if (!status || status.id !== active.lesson.id) return;
  useLessonStore.getState().statusReceived(status);
  const playing = useLessonStore.getState().playing;
  saveProgress((p) =>
    withLesson(p, status.id, (l) => {
      const stepsDone = status.stepDone && !l.stepsDone.includes(status.step) ? [...l.stepsDone, status.step].sort((a, b) => a - b) : l.stepsDone;
      return {
        ...l,
        step: status.step,
        stepsDone,
        done: l.done || stepsDone.length === status.steps,
        actions: l.actions + (acted && !playing ? 1 : 0),
        history: useSessionLogStore.getState().ops,
      };
    }),
  );
}

/** Reopens a step as it starts (Previous, Reset step, a jump from the map). */
export async function goToStep(step: number): Promise<void> {
  const { active } = useLessonStore.getState();
  if (!active) return;
  await openLesson({ text: active.text, file: `${active.lesson.id}.yaml`, builtIn: active.builtIn }, step);
}

/** Next: the following step begins on the cluster as the learner left it. */
export async function nextStep(): Promise<void> {
  const { active, status } = useLessonStore.getState();
  if (!active || !status || status.step + 1 >= status.steps) return;
  const next = await simApi().lessonBegin(status.step + 1);
  if (!next) return;
  // The step's ops start here: a link or a reload replays them on the step's own start.
  useSessionLogStore.getState().loaded(useScenarioStore.getState().text, [], -1);
  useLessonStore.getState().statusReceived(next);
  useLessonModeStore.getState().lessonEntered(active.lesson.id, next.step);
  saveProgress((p) => withLesson(p, active.lesson.id, (l) => ({ ...l, step: next.step, history: [] })));
  focusStep();
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the trace on screen has played to its last hop (or a while, at most). */
async function tracePlayed(): Promise<void> {
  const reduced = typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  for (let i = 0; i < 120 && useTraceStore.getState().playing && !reduced; i++) await wait(250);
  await wait(reduced ? 200 : 700);
}

/** Does one solution op as the learner would, on screen: the command in the terminal, the request animated. */
async function perform(op: LessonOp): Promise<void> {
  const fill = (t: string) => simApi().lessonFill(t);
  if ('run' in op) {
    await runLine(await fill(op.run));
    await wait(500);
  } else if ('request' in op) {
    const url = await fill(op.request.url);
    useRequestStore.getState().fromChosen(fromOf(op.request.from));
    useRequestStore.getState().urlEdited(url);
    await sendRequest({ from: fromOf(op.request.from), url });
    await tracePlayed();
  } else if ('send' in op) {
    const url = await fill(op.send.url);
    useRequestStore.getState().fromChosen(fromOf(op.send.from));
    useRequestStore.getState().urlEdited(url);
    await sendLoad({ from: fromOf(op.send.from), url }, op.send.count);
    await wait(600);
  } else if ('advance' in op) {
    await advanceClock(op.advance);
    await wait(400);
  } else {
    yamlEdited(await fill(op.edit));
    for (let i = 0; i < 40 && useScenarioStore.getState().pending; i++) await wait(100);
  }
}

let playToken = 0;

/** "Show me": the step starts over, then its solution plays, op by op. */
export async function showMe(): Promise<void> {
  const { active, status } = useLessonStore.getState();
  if (!active || !status) return;
  const token = ++playToken;
  useLessonStore.getState().playingChanged(true);
  try {
    await goToStep(status.step);
    for (const op of active.lesson.steps[status.step]!.solution) {
      if (token !== playToken || !useLessonStore.getState().active) break;
      await perform(op);
    }
  } finally {
    if (token === playToken) useLessonStore.getState().playingChanged(false);
    await checkTasks(false);
  }
}

export function stopShowMe(): void {
  playToken++;
  useLessonStore.getState().playingChanged(false);
}

/** Presenter's →: play the step's solution; once the step is done, go on to the next step. */
export async function presenterForward(): Promise<void> {
  const { status, playing } = useLessonStore.getState();
  if (!status || playing) return;
  if (!status.stepDone) await showMe();
  else if (status.step + 1 < status.steps) await goToStep(status.step + 1);
}

/** Presenter's ←: the previous step, from its start. */
export async function presenterBack(): Promise<void> {
  const { status, playing } = useLessonStore.getState();
  if (!status || status.step === 0) return;
  if (playing) stopShowMe();
  await goToStep(status.step - 1);
}

/** A chip: a command put on the terminal's input line, or a request put in the request bar. */
export async function chipUsed(chip: LessonChip): Promise<void> {
  if ('run' in chip) {
    useTerminalStore.getState().pasted(await simApi().lessonFill(chip.run));
  } else {
    useRequestStore.getState().fromChosen(fromOf(chip.request.from));
    useRequestStore.getState().urlEdited(await simApi().lessonFill(chip.request.url));
  }
}

/** Back to the sandbox: the learner's own saved work, or the default scenario. */
export async function leaveLesson(): Promise<void> {
  stopShowMe();
  useLessonStore.getState().left();
  useLessonModeStore.getState().lessonLeft();
  useLessonFocusStore.getState().focused(new Set());
  saveProgress((p) => ({ ...p, current: null }));
  await simApi().lessonLeave();
  const saved = readSavedWork();
  await loadScenario(saved ? { yaml: saved.yaml, seed: saved.seed, ...(saved.clusterConfig ? { clusterConfig: saved.clusterConfig } : {}) } : { yaml: DEFAULT_SCENARIO_YAML, seed: DEFAULT_SEED });
}

/** The first-visit offer was answered either way. */
export function welcomed(): void {
  saveProgress((p) => ({ ...p, welcomed: true }));
}

export type { Lesson };
