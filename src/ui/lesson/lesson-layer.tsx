/**
 * The lesson code's dialogs, loaded lazily with it: the lesson map, the
 * first-visit offer, and the problems of a lesson file that cannot be opened.
 */
import { useLessonModeStore } from '../stores/lesson-mode-store';
import { formatProblem } from '../../lessons/parse-lesson';
import { catalog } from './catalog';
import { openBuiltIn, welcomed } from './lesson-actions';
import { useLessonStore } from './lesson-store';
import LessonMap from './lesson-map';
import { useModal } from './use-modal';
import './lesson.css';

function Welcome() {
  const open = useLessonModeStore((s) => s.welcome);
  const ref = useModal(open);
  const first = catalog()[0];
  const close = () => {
    welcomed();
    useLessonModeStore.getState().welcomeShown(false);
  };
  if (!first) return null;
  return (
    <dialog ref={ref} className="lesson-map lesson-welcome" aria-labelledby="welcome-title" onClose={close}>
      <header className="lesson-map__head">
        <h2 id="welcome-title">New here?</h2>
      </header>
      <div className="lesson-map__body">
        <p>
          This is a small Kubernetes cluster running in your browser. The lessons show how a request finds its pod, one step at a time: you try things, and the simulation checks them as you go.
        </p>
        <div className="lesson-help__actions">
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => {
              close();
              void openBuiltIn(first.lesson.id, 0);
            }}
          >
            Start lesson 1: {first.lesson.title} ({first.lesson.minutes} min)
          </button>
          <button type="button" className="btn" onClick={() => useLessonModeStore.getState().mapToggled(true)}>
            See all lessons
          </button>
          <button type="button" className="btn" onClick={close}>
            Explore the sandbox
          </button>
        </div>
      </div>
    </dialog>
  );
}

function Problems() {
  const problems = useLessonStore((s) => s.problems);
  const ref = useModal(problems !== null);
  const close = () => useLessonStore.getState().problemsDismissed();
  return (
    <dialog ref={ref} className="lesson-map lesson-problems" role="alertdialog" aria-labelledby="problems-title" onClose={close}>
      <header className="lesson-map__head">
        <h2 id="problems-title">This lesson cannot be opened</h2>
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
      </header>
      {problems && (
        <div className="lesson-map__body">
          <p>
            {problems.file} has {problems.items.length} problem{problems.items.length === 1 ? '' : 's'}. Fix {problems.items.length === 1 ? 'it' : 'them'} and open the file again:
          </p>
          <ul>
            {problems.items.slice(0, 50).map((p, i) => (
              <li key={i}>{formatProblem(p)}</li>
            ))}
          </ul>
        </div>
      )}
    </dialog>
  );
}

export default function LessonLayer() {
  return (
    <>
      <LessonMap />
      <Welcome />
      <Problems />
    </>
  );
}
