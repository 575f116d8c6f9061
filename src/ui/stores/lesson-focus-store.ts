/** The canvas elements the current lesson step talks about: they get a halo (is-lesson-focus). */
import { create } from 'zustand';

interface LessonFocusState {
  ids: ReadonlySet<string>;
  focused(ids: ReadonlySet<string>): void;
}

export const useLessonFocusStore = create<LessonFocusState>()((set) => ({
  ids: new Set(),
  focused: (ids) => set({ ids }),
}));
