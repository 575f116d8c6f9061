/** Presenter mode's captions: the current hop's "why", large, at the bottom of the screen (and a lesson's step above it). */
import { lazy, Suspense } from 'react';
import { useLessonModeStore } from '../stores/lesson-mode-store';
import { selectCurrentHop, useTraceStore } from '../stores/trace-store';

const LessonCaption = lazy(() => import('../lesson/lesson-caption'));

export function Captions() {
  const hop = useTraceStore(selectCurrentHop);
  const count = useTraceStore((s) => s.trace?.hops.length ?? 0);
  const lesson = useLessonModeStore((s) => s.id !== null);
  return (
    <section className="captions" aria-label="Captions" aria-live="polite">
      {lesson && (
        <Suspense>
          <LessonCaption />
        </Suspense>
      )}
      {hop ? (
        <>
          <p className="captions__title">
            <span className="captions__n">{hop.index + 1}/{count}</span> {hop.title}
          </p>
          <p className="captions__why">{hop.why}</p>
        </>
      ) : lesson ? null : (
        <p className="captions__why">Send a request, then press Space to play, ← → to step, Home to start over, + − for speed, F for fullscreen, Esc to leave.</p>
      )}
    </section>
  );
}
