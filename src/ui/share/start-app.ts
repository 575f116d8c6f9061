/**
 * What the app opens with: a share link in the URL wins, then the learner's
 * saved work, then the default scenario. A link that cannot be opened shows
 * an alert and the default scenario (never a crash, and the saved work is
 * left alone). A link that opens puts the saved work aside first, and says
 * so with "Restore my previous work". Embed mode neither reads nor writes
 * the saved work: an embedded view must not touch the learner's own.
 */
import { decodeFragment, isEmptyFragment } from '../../share/share-link';
import type { ShareState } from '../../share/share-state';
import type { ScenarioInput } from '../../worker/protocol';
import { bootSimulation, booted, loadScenario, sendRequest } from '../app/sim-actions';
import { currentWork, keepAsPrevious, readSavedWork, saveWorkNow, startSaving } from '../persistence/saved-work';
import { offerPreviousWork } from '../persistence/previous-work';
import { watchOtherTabs } from '../persistence/tab-watch';
import { useTraceStore } from '../stores/trace-store';
import { useViewStore } from '../stores/view-store';
import { useSelectionStore } from '../stores/selection-store';
import { restoreSavedRequests } from './collect-share-state';
import { applyEmbedOptions } from './embed-start';
import { keepLinkUntilChanged } from './link-in-address';
import { readProgress } from '../lesson/progress';
import { parseLessonLink, type LessonLink } from '../lesson/lesson-link';
import { useLessonModeStore } from '../stores/lesson-mode-store';

/** Lesson code is loaded only when a lesson is opened. */
const lessonActions = () => import('../lesson/lesson-actions');

/** `#lesson=ID&step=N`: the built-in lesson at step N (1-based). An unknown lesson says so. */
async function openLessonLink(link: LessonLink): Promise<boolean> {
  const { openBuiltIn } = await lessonActions();
  if (await openBuiltIn(link.id, link.step)) return true;
  useViewStore.getState().linkFailed(`This link opens a lesson "${link.id}" that this version of the app does not have.`);
  return false;
}

async function resumeLesson(id: string): Promise<boolean> {
  const { openBuiltIn, openSavedTeacherLesson } = await lessonActions();
  return (await openBuiltIn(id)) || (await openSavedTeacherLesson(id));
}

/** A share link made inside a lesson: the lesson at its step, then the sender's ops in that step. */
async function openSharedLesson(state: ShareState): Promise<boolean> {
  const lesson = state.lesson!;
  const { openLessonFromLink } = await lessonActions();
  const ok = await openLessonFromLink(lesson, state.history ?? [], state.traceOp);
  if (!ok) return false;
  if (state.request && state.hop >= 0) {
    const hops = useTraceStore.getState().trace?.hops.length ?? 0;
    if (hops > 0) useTraceStore.getState().hopSelected(Math.min(state.hop, hops - 1));
  }
  return true;
}

let started: Promise<void> | null = null;

/** Runs once (React's StrictMode mounts twice in development). */
export function startApp(): Promise<void> {
  return (started ??= start());
}

async function start(): Promise<void> {
  const embed = useViewStore.getState().embed;
  const fragment = location.hash;
  // ?present=1: open straight into presenter mode (a lesson link then runs as a demo).
  if (new URLSearchParams(location.search).get('present') === '1' && !useViewStore.getState().presenter) useViewStore.getState().presenterToggled();
  const lessonLink = parseLessonLink(fragment);
  if (lessonLink) {
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    if (!(await openLessonLink(lessonLink))) await bootSimulation();
    keepSaving();
    return;
  }
  if (!isEmptyFragment(fragment)) {
    const result = await decodeFragment(fragment);
    // A link that cannot open leaves the address; one that opens stays until the work changes (link-in-address.ts).
    if (!embed && !result.ok) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    if (result.ok) {
      const { yaml, clusterConfig, seed } = result.state.scenario;
      // A lesson's link leaves the sandbox's work where it is: nothing to put aside.
      const kept = !embed && !result.state.lesson && keepAsPrevious(readSavedWork(), { yaml, clusterConfig, seed, savedRequests: result.state.savedRequests });
      await openShareState(result.state);
      if (embed) return applyEmbedOptions();
      saveWorkNow();
      keepLinkUntilChanged();
      keepSaving();
      if (kept) offerPreviousWork('You opened a shared scenario.');
      return;
    }
    useViewStore.getState().linkFailed(result.error.message);
    await bootSimulation();
    if (!embed) keepSaving();
    return;
  }
  if (embed) {
    await bootSimulation();
    addEventListener('hashchange', () => void linkPasted());
    return applyEmbedOptions();
  }
  const progress = readProgress();
  if (progress.current && (await resumeLesson(progress.current))) {
    keepSaving();
    return;
  }
  const saved = readSavedWork();
  if (!saved && !progress.welcomed && !useViewStore.getState().embed) useLessonModeStore.getState().welcomeShown(true);
  if (saved) {
    await bootSimulation({ yaml: saved.yaml, seed: saved.seed, ...(saved.clusterConfig ? { clusterConfig: saved.clusterConfig } : {}) });
    restoreSavedRequests(saved.savedRequests);
  } else {
    await bootSimulation();
  }
  keepSaving();
}

function keepSaving(): void {
  startSaving();
  watchOtherTabs();
  addEventListener('hashchange', () => void linkPasted());
}

/** A share link pasted into this tab's address bar changes only the fragment: it opens too, the work on screen kept aside. */
async function linkPasted(): Promise<void> {
  const embed = useViewStore.getState().embed;
  if (isEmptyFragment(location.hash)) return;
  const lessonLink = parseLessonLink(location.hash);
  if (lessonLink) {
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    await openLessonLink(lessonLink);
    return;
  }
  const result = await decodeFragment(location.hash);
  if (!embed && !result.ok) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  if (!result.ok) return useViewStore.getState().linkFailed(result.error.message);
  const { yaml, clusterConfig, seed } = result.state.scenario;
  const kept = !embed && !result.state.lesson && keepAsPrevious(currentWork(), { yaml, clusterConfig, seed, savedRequests: result.state.savedRequests });
  await openShareState(result.state);
  if (embed) return;
  saveWorkNow();
  keepLinkUntilChanged();
  if (kept) offerPreviousWork('You opened a shared scenario.');
}

/** Reproduces a shared view: the scenario with its seed, then the same request, then the same hop. */
export async function openShareState(state: ShareState): Promise<void> {
  const { yaml, clusterConfig, seed } = state.scenario;
  useViewStore.getState().viewOpened({ presenter: state.view.presenter, theme: state.view.theme, tableView: state.view.tableView });
  if (state.lesson && (await openSharedLesson(state))) return;
  const replay: Pick<ScenarioInput, 'history' | 'showTraceAt'> = state.history
    ? { history: state.history, ...(state.traceOp !== undefined && state.traceOp >= 0 ? { showTraceAt: state.traceOp } : {}) }
    : {};
  const input: ScenarioInput = { yaml, seed, ...(clusterConfig ? { clusterConfig } : {}), ...replay };
  // The first scenario boots the simulation; a link opened later replaces the session.
  await (booted() ? loadScenario(input) : bootSimulation(input));
  restoreSavedRequests(state.savedRequests);
  if (state.view.selected) useSelectionStore.getState().elementChosen(state.view.selected, 'canvas');
  if (!state.request) return;
  // A link with its history brought the very trace back; an older link re-runs the request.
  if (!replay.history || replay.showTraceAt === undefined) await sendRequest(state.request);
  const hops = useTraceStore.getState().trace?.hops.length ?? 0;
  if (hops > 0 && state.hop >= 0) useTraceStore.getState().hopSelected(Math.min(state.hop, hops - 1));
}
