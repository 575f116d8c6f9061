/**
 * Presenter mode running a lesson as a demo: the step's title and text as the
 * caption; → plays the step's solution with its animation, then moves to the
 * next step; ← goes back a step.
 */
import { useLessonStore } from './lesson-store';
import { LessonText } from './markdown';
import './lesson.css';

export default function LessonCaption() {
  const active = useLessonStore((s) => s.active);
  const status = useLessonStore((s) => s.status);
  const playing = useLessonStore((s) => s.playing);
  if (!active || !status) return null;
  const step = active.lesson.steps[status.step]!;
  return (
    <section className="lesson-caption" aria-label="Lesson step" aria-live="polite">
      <p className="lesson-caption__title">
        <span className="captions__n">
          {status.step + 1}/{status.steps}
        </span>{' '}
        {active.lesson.title}: {step.title}
      </p>
      <LessonText text={step.text} />
      <p className="lesson-caption__keys">
        {playing ? 'Playing the solution…' : status.stepDone ? (status.step + 1 < status.steps ? '→ next step' : 'Lesson complete') : '→ play this step'} · ← previous step
      </p>
    </section>
  );
}
