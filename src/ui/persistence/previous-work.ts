/**
 * "Restore my previous work": the backup slot of saved-work.ts brought back.
 * Restoring swaps: what is on screen becomes the previous work, so a restore
 * can itself be undone and nothing is lost either way.
 */
import { loadScenario } from '../app/sim-actions';
import { restoreSavedRequests } from '../share/collect-share-state';
import { useNoticeStore } from '../stores/notice-store';
import { currentWork, keepAsPrevious, readPreviousWork, saveWorkNow, type SavedWork } from './saved-work';

export const RESTORE_LABEL = 'Restore my previous work';

/** Opens `work` in place of what is on screen (which is kept as the previous work) and saves it. */
export async function openWork(work: SavedWork): Promise<void> {
  keepAsPrevious(currentWork(), work);
  await loadScenario({ yaml: work.yaml, seed: work.seed, ...(work.clusterConfig ? { clusterConfig: work.clusterConfig } : {}) });
  restoreSavedRequests(work.savedRequests);
  saveWorkNow();
}

export async function restorePreviousWork(): Promise<void> {
  const previous = readPreviousWork();
  if (!previous) {
    useNoticeStore.getState().shown({ id: 'work', tone: 'warn', text: 'There is no previous work to restore.' });
    return;
  }
  await openWork(previous);
  useNoticeStore.getState().shown({
    id: 'work',
    tone: 'info',
    text: 'Your previous work is back. What was on screen is kept as the previous work.',
    actions: [{ label: 'Undo', run: () => void restorePreviousWork() }],
  });
}

/** Tells the learner their work was put aside by `what`, with the way back. */
export function offerPreviousWork(what: string): void {
  useNoticeStore.getState().shown({
    id: 'work',
    tone: 'info',
    text: `${what} Your own work was kept aside.`,
    actions: [{ label: RESTORE_LABEL, run: () => void restorePreviousWork() }],
  });
}
