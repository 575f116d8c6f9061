/**
 * One-line notices to the learner that are no one pane's: the simulation was
 * restarted, a share link opened beside the saved work, another tab saved,
 * the work could not be saved. At most one per `id`; actions are buttons.
 */
import { create } from 'zustand';

export interface NoticeAction {
  label: string;
  run(): void;
}

export interface Notice {
  /** 'sim', 'work', 'tabs'...: a newer notice of the same id replaces the older. */
  id: string;
  text: string;
  tone: 'info' | 'warn' | 'error';
  actions?: NoticeAction[];
  /** No Dismiss: the learner has to choose an action. */
  sticky?: boolean;
}

interface NoticeState {
  notices: Notice[];
  /** Why the work is not being saved (shown in the editor's status line), or null. */
  saveProblem: string | null;
  shown(notice: Notice): void;
  dismissed(id: string): void;
  saveProblemChanged(problem: string | null): void;
}

export const useNoticeStore = create<NoticeState>()((set) => ({
  notices: [],
  saveProblem: null,
  shown: (notice) => set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
  dismissed: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  saveProblemChanged: (saveProblem) => set((s) => (s.saveProblem === saveProblem ? s : { saveProblem })),
}));
