/** The lesson being played: the lesson, its step's task states, the learner's prediction and hints, and the progress kept. */
import { create } from 'zustand';
import type { LessonProblem } from '../../lessons/parse-lesson';
import type { Lesson } from '../../lessons/schema';
import type { LessonStatus } from '../../worker/protocol';
import { readProgress, type Progress } from './progress';

export interface ActiveLesson {
  lesson: Lesson;
  text: string;
  /** A file of lessons/ (false: a teacher's file or link). */
  builtIn: boolean;
}

interface LessonState {
  active: ActiveLesson | null;
  status: LessonStatus | null;
  /** The choice the learner made for the current step's prediction, or null before. */
  prediction: number | null;
  /** How many hints of the current step are shown. */
  hints: number;
  /** "Show me" is replaying the step's solution. */
  playing: boolean;
  /** A lesson file that could not be opened, with its problems. */
  problems: { file: string; items: LessonProblem[] } | null;
  progress: Progress;
  /** Polite announcements ("Task done: ...") for screen readers. */
  announcement: string;
  opened(active: ActiveLesson, status: LessonStatus): void;
  statusReceived(status: LessonStatus): void;
  predicted(choice: number): void;
  hintShown(): void;
  playingChanged(playing: boolean): void;
  problemsFound(file: string, items: LessonProblem[]): void;
  problemsDismissed(): void;
  progressChanged(progress: Progress): void;
  left(): void;
}

export const useLessonStore = create<LessonState>()((set, get) => ({
  active: null,
  status: null,
  prediction: null,
  hints: 0,
  playing: false,
  problems: null,
  progress: readProgress(),
  announcement: '',
  opened: (active, status) => set({ active, status, prediction: null, hints: 0, problems: null, announcement: `Step ${status.step + 1} of ${status.steps}` }),
  statusReceived: (status) => {
    const before = get().status;
    const sameStep = before && before.id === status.id && before.step === status.step;
    const newlyDone = sameStep ? status.tasks.filter((t, i) => t.done && !before.tasks[i]?.done).map((t) => t.title) : [];
    const stepChanged = !sameStep;
    set({
      status,
      ...(stepChanged ? { prediction: null, hints: 0 } : {}),
      ...(newlyDone.length ? { announcement: `Task done: ${newlyDone.join('; ')}${status.stepDone ? '. Step complete.' : ''}` } : {}),
    });
  },
  predicted: (prediction) => set({ prediction }),
  hintShown: () => set((s) => ({ hints: s.hints + 1 })),
  playingChanged: (playing) => set({ playing }),
  problemsFound: (file, items) => set({ problems: { file, items } }),
  problemsDismissed: () => set({ problems: null }),
  progressChanged: (progress) => set({ progress }),
  left: () => set({ active: null, status: null, prediction: null, hints: 0, playing: false }),
}));
