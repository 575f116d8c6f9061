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
  /** The lesson file's text and name (a rebuilt worker reopens it; a share link carries a teacher's). */
  text: string | null;
  file: string | null;
  builtIn: boolean;
  /** The lesson map is open. */
  mapOpen: boolean;
  /** A first-time visitor is offered the first lesson. */
  welcome: boolean;
  /** What the left pane shows during a lesson. */
  leftTab: 'lesson' | 'yaml';
  /** Some lesson code is wanted on screen (the map, the offer, a lesson, a bad file's problems). */
  wanted: boolean;
  lessonEntered(id: string, step: number, source?: { text: string; file: string; builtIn: boolean }): void;
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
  file: null,
  builtIn: true,
  mapOpen: false,
  welcome: false,
  leftTab: 'lesson',
  wanted: false,
  lessonEntered: (id, step, source) =>
    set((s) => ({ id, step, ...(source ? { text: source.text, file: source.file, builtIn: source.builtIn } : {}), wanted: true, leftTab: s.id === id ? s.leftTab : 'lesson' })),
  lessonLeft: () => set({ id: null, step: 0, text: null, file: null, builtIn: true }),
  mapToggled: (mapOpen) => set({ mapOpen, ...(mapOpen ? { wanted: true, welcome: false } : {}) }),
  welcomeShown: (welcome) => set({ welcome, ...(welcome ? { wanted: true } : {}) }),
  leftTabChosen: (leftTab) => set({ leftTab }),
  lessonCodeWanted: () => set({ wanted: true }),
}));

export const inLesson = (): boolean => useLessonModeStore.getState().id !== null;
