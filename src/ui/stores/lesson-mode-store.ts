/**
 * Whether a lesson is being played, in the main chunk so the shell of the app
 * (saving, Reset, the mode switch, share links) can tell without loading the
 * lesson code. The lesson itself lives in ../lesson/ (loaded lazily).
 */
import { create } from 'zustand';

interface LessonModeState {
  /** The lesson's id while one is open, else null. */
  id: string | null;
  /** The 0-based step shown. */
  step: number;
  /** A teacher's lesson's file text (built-in lessons: null), for share links. */
  text: string | null;
  /** The lesson map is open. */
  mapOpen: boolean;
  /** A first-time visitor is offered the first lesson. */
  welcome: boolean;
  /** What the left pane shows during a lesson. */
  leftTab: 'lesson' | 'yaml';
  /** Some lesson code is wanted on screen (the map, the offer, a lesson, a bad file's problems). */
  wanted: boolean;
  lessonEntered(id: string, step: number, text?: string | null): void;
  lessonLeft(): void;
  mapToggled(open: boolean): void;
  welcomeShown(show: boolean): void;
  leftTabChosen(tab: 'lesson' | 'yaml'): void;
  lessonCodeWanted(): void;
}

export const useLessonModeStore = create<LessonModeState>()((set) => ({
  id: null,
  step: 0,
  text: null,
  mapOpen: false,
  welcome: false,
  leftTab: 'lesson',
  wanted: false,
  lessonEntered: (id, step, text) => set((s) => ({ id, step, text: text === undefined ? s.text : text, wanted: true, leftTab: s.id === id ? s.leftTab : 'lesson' })),
  lessonLeft: () => set({ id: null, step: 0, text: null }),
  mapToggled: (mapOpen) => set({ mapOpen, ...(mapOpen ? { wanted: true, welcome: false } : {}) }),
  welcomeShown: (welcome) => set({ welcome, ...(welcome ? { wanted: true } : {}) }),
  leftTabChosen: (leftTab) => set({ leftTab }),
  lessonCodeWanted: () => set({ wanted: true }),
}));

export const inLesson = (): boolean => useLessonModeStore.getState().id !== null;
