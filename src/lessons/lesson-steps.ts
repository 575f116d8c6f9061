/** Where each step of a lesson starts: the lesson's start, then the solutions of the steps before. */
import type { Lesson, LessonOp } from './schema';

/** The ops that bring a fresh start to the beginning of `step`. */
export function opsBefore(lesson: Lesson, step: number): LessonOp[] {
  return [...(lesson.start.ops ?? []), ...lesson.steps.slice(0, step).flatMap((s) => s.solution)];
}

/** The editor's text at the beginning of `step`: the last edit before it, else the start's scenario. */
export function editorTextAt(lesson: Lesson, step: number): string {
  let text = lesson.start.scenario;
  for (const op of opsBefore(lesson, step)) if ('edit' in op) text = op.edit;
  return text;
}
