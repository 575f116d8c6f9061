/**
 * kubectl edit's file while the terminal waits for it: what the worker sent, the text in
 * the editor now, and whether a save is on its way. The scenario's own text is never here.
 */
import { create } from 'zustand';
import type { EditView } from '../../worker/protocol';

interface KubectlEditState {
  /** The file kubectl edit opened (or reopened with its errors); null when no edit waits. */
  view: EditView | null;
  /** Bumped with every file opened: a reopened file starts a fresh editor. */
  opens: number;
  /** The text in the editor now. */
  draft: string;
  saving: boolean;
  opened(view: EditView): void;
  drafted(text: string): void;
  savingStarted(): void;
  closed(): void;
}

export const useKubectlEditStore = create<KubectlEditState>()((set) => ({
  view: null,
  opens: 0,
  draft: '',
  saving: false,
  opened: (view) => set((s) => ({ view, draft: view.text, opens: s.opens + 1, saving: false })),
  drafted: (draft) => set({ draft }),
  savingStarted: () => set({ saving: true }),
  closed: () => set({ view: null, draft: '', saving: false }),
}));
