/**
 * Several tabs share one saved work. When another tab saves something else,
 * this tab stops saving (so it does not silently overwrite it) and asks which
 * work to keep; the one not kept goes to the backup slot (previous-work.ts).
 * The `storage` event fires only in the tabs that did not write.
 */
import { useNoticeStore } from '../stores/notice-store';
import { offerPreviousWork, openWork } from './previous-work';
import { currentWork, keepAsPrevious, pauseSaving, saveWorkNow, WORK_KEY } from './saved-work';
import { parseWork, sameWork } from './work-storage';

const PAUSED = 'Not saving: another tab saved different work. Choose above which to keep.';

export function watchOtherTabs(): () => void {
  const onStorage = (e: StorageEvent): void => {
    if (e.key !== WORK_KEY) return;
    const theirs = e.newValue ? parseWork(e.newValue).work : null;
    if (theirs && sameWork(theirs, currentWork())) return;
    pauseSaving(PAUSED);
    useNoticeStore.getState().shown({
      id: 'tabs',
      tone: 'warn',
      sticky: true,
      text: 'This scenario is also open in another tab, which saved different work. This tab stopped saving so that neither is lost.',
      actions: [
        {
          label: 'Keep this tab’s work',
          run: () => {
            keepAsPrevious(theirs, currentWork());
            pauseSaving(null);
            saveWorkNow();
            if (theirs) offerPreviousWork('Saved this tab’s work.');
          },
        },
        ...(theirs
          ? [
              {
                label: 'Open the other tab’s work',
                run: () => {
                  pauseSaving(null);
                  void openWork(theirs).then(() => offerPreviousWork('Opened the other tab’s work.'));
                },
              },
            ]
          : []),
      ],
    });
  };
  addEventListener('storage', onStorage);
  return () => removeEventListener('storage', onStorage);
}
