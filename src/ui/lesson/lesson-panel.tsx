/**
 * The lesson panel: the step's text, a prediction asked before the
 * experiment, command chips, the tasks (ticked as the simulation sees them
 * done), hints, "Show me", and the way between steps.
 */
import { useEffect, useId, useState } from 'react';
import { simApi } from '../app/sim-actions';
import { useClusterStore } from '../stores/cluster-store';
import type { LessonStep } from '../../lessons/schema';
import { useLessonModeStore } from '../stores/lesson-mode-store';
import { nextLesson } from './catalog';
import { chipUsed, goToStep, leaveLesson, nextStep, openBuiltIn, showMe, stopShowMe } from './lesson-actions';
import { useLessonStore } from './lesson-store';
import { lessonProgress } from './progress';
import { LessonText } from './markdown';
import './lesson.css';

function Prediction({ step }: { step: LessonStep }) {
  const predict = step.predict!;
  const [choice, setChoice] = useState<number | null>(null);
  const name = useId();
  return (
    <form
      className="lesson-card lesson-predict"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice !== null) useLessonStore.getState().predicted(choice);
      }}
    >
      <fieldset>
        <legend>Predict first: {predict.question}</legend>
        {predict.choices.map((c, i) => (
          <label key={i} className="lesson-predict__choice">
            <input type="radio" name={name} checked={choice === i} onChange={() => setChoice(i)} />
            <span>{c}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn btn--primary" disabled={choice === null}>
        Lock in my prediction
      </button>
    </form>
  );
}

function PredictionResult({ step, done }: { step: LessonStep; done: boolean }) {
  const predict = step.predict!;
  const chosen = useLessonStore((s) => s.prediction)!;
  const right = chosen === predict.answer;
  return (
    <div className="lesson-card lesson-predicted">
      <p>
        You predicted: <strong>{predict.choices[chosen]}</strong>
      </p>
      {done ? (
        <>
          <p className={right ? 'lesson-predicted__right' : 'lesson-predicted__other'}>
            {right ? 'The simulation agrees.' : `The simulation showed: ${predict.choices[predict.answer]}. Surprises are what experiments are for.`}
          </p>
          <LessonText text={predict.explain} />
        </>
      ) : (
        <p className="lesson-muted">Now try it and see.</p>
      )}
    </div>
  );
}

/** A chip's text with its placeholders filled from the cluster as it is now ({{pod app=web}} shows a real name). */
function useFilledChips(step: LessonStep): string[] {
  const version = useClusterStore((s) => s.snapshot?.version);
  const raw = (step.chips ?? []).map((c) => ('run' in c ? c.run : c.request.url));
  const key = raw.join('\n');
  const [filled, setFilled] = useState<{ key: string; texts: string[] }>({ key: '', texts: [] });
  useEffect(() => {
    let live = true;
    void Promise.all(key.split('\n').map((t) => (t.includes('{{') ? simApi().lessonFill(t) : Promise.resolve(t)))).then((texts) => {
      if (live) setFilled({ key, texts });
    });
    return () => {
      live = false;
    };
  }, [key, version]);
  return filled.key === key ? filled.texts : raw;
}

function Chips({ step }: { step: LessonStep }) {
  const texts = useFilledChips(step);
  if (!step.chips?.length) return null;
  return (
    <div className="lesson-chips" role="group" aria-label="Try these">
      {step.chips.map((chip, i) =>
        'run' in chip ? (
          <button key={i} type="button" className="lesson-chip" title="Put this command in the terminal" onClick={() => void chipUsed(chip)}>
            <span className="lesson-chip__kind" aria-hidden="true">$</span>
            <code>{texts[i]}</code>
          </button>
        ) : (
          <button key={i} type="button" className="lesson-chip" title="Put this request in the request bar" onClick={() => void chipUsed(chip)}>
            <span className="lesson-chip__kind" aria-hidden="true">⇢</span>
            <code>
              {chip.request.from} → {texts[i]}
            </code>
          </button>
        ),
      )}
    </div>
  );
}

function Tasks() {
  const tasks = useLessonStore((s) => s.status?.tasks ?? []);
  return (
    <div className="lesson-tasks">
      <h4 id="lesson-tasks-title">Tasks</h4>
      <ul aria-labelledby="lesson-tasks-title">
        {tasks.map((t, i) => (
          <li key={i} className={t.done ? 'is-done' : ''}>
            <span role="checkbox" aria-checked={t.done} aria-readonly="true" aria-label={t.title} className="lesson-task__box" />
            <span aria-hidden="true">{t.title}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Help({ step }: { step: LessonStep }) {
  const hints = useLessonStore((s) => s.hints);
  const playing = useLessonStore((s) => s.playing);
  const [confirming, setConfirming] = useState(false);
  const all = step.hints ?? [];
  return (
    <div className="lesson-help">
      {all.slice(0, hints).map((h, i) => (
        <div key={i} className="lesson-hint" role="note" aria-label={`Hint ${i + 1}`}>
          <LessonText text={h} />
        </div>
      ))}
      <div className="lesson-help__actions">
        {hints < all.length && (
          <button type="button" className="btn" onClick={() => useLessonStore.getState().hintShown()}>
            {hints === 0 ? 'Hint' : 'Another hint'}
          </button>
        )}
        {playing ? (
          <button type="button" className="btn" onClick={stopShowMe}>
            Stop
          </button>
        ) : confirming ? (
          <span className="lesson-confirm" role="group" aria-label="Show me the solution?">
            <span>This step starts over and its solution plays.</span>
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => {
                setConfirming(false);
                void showMe();
              }}
            >
              Play the solution
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="btn" onClick={() => setConfirming(true)}>
            Show me
          </button>
        )}
      </div>
    </div>
  );
}

function Completed() {
  const active = useLessonStore((s) => s.active)!;
  const progress = useLessonStore((s) => s.progress);
  const mine = lessonProgress(progress, active.lesson.id).actions;
  const par = active.lesson.steps.reduce((n, s) => n + s.solution.length, 0);
  const next = active.builtIn ? nextLesson(active.lesson.id) : undefined;
  return (
    <div className="lesson-card lesson-complete" role="status">
      <h4>Lesson complete</h4>
      <p>
        You took {mine} action{mine === 1 ? '' : 's'}; the reference solution takes {par}.
      </p>
      <div className="lesson-help__actions">
        {next && (
          <button type="button" className="btn btn--primary" onClick={() => void openBuiltIn(next.lesson.id, 0)}>
            Next lesson: {next.lesson.title}
          </button>
        )}
        <button type="button" className="btn" onClick={() => useLessonModeStore.getState().mapToggled(true)}>
          Lesson map
        </button>
      </div>
    </div>
  );
}

export default function LessonPanel() {
  const active = useLessonStore((s) => s.active);
  const status = useLessonStore((s) => s.status);
  const prediction = useLessonStore((s) => s.prediction);
  const announcement = useLessonStore((s) => s.announcement);
  const playing = useLessonStore((s) => s.playing);
  if (!active || !status) return <div className="lesson-panel lesson-panel--empty">Opening the lesson…</div>;
  const { lesson } = active;
  const step = lesson.steps[status.step]!;
  const last = status.step + 1 >= status.steps;
  const asking = step.predict !== undefined && prediction === null;
  return (
    <section className="lesson-panel" aria-label="Lesson">
      <header className="lesson-head">
        <div className="lesson-head__meta">
          <span>{lesson.track}</span>
          <span aria-hidden="true">·</span>
          <span>{lesson.minutes} min</span>
          <button type="button" className="lesson-link" onClick={() => void leaveLesson()}>
            Exit lesson
          </button>
        </div>
        <h2 className="lesson-head__title">{lesson.title}</h2>
        <ol className="lesson-steps" aria-label="Steps">
          {lesson.steps.map((s, i) => (
            <li key={i}>
              <button
                type="button"
                className={`lesson-steps__dot${i === status.step ? ' is-current' : ''}${i < status.step ? ' is-past' : ''}`}
                aria-current={i === status.step ? 'step' : undefined}
                aria-label={`Step ${i + 1}: ${s.title}`}
                title={`Step ${i + 1}: ${s.title}`}
                disabled={playing}
                onClick={() => void goToStep(i)}
              />
            </li>
          ))}
        </ol>
      </header>
      <div className="lesson-body" tabIndex={0} aria-label="Step">
        <h3 className="lesson-step-title">
          <span className="lesson-muted">
            Step {status.step + 1} of {status.steps}
          </span>{' '}
          {step.title}
        </h3>
        <LessonText text={step.text} />
        {asking ? (
          <Prediction key={`${lesson.id}-${status.step}`} step={step} />
        ) : (
          <>
            {step.predict && <PredictionResult step={step} done={status.stepDone} />}
            <Chips step={step} />
            <Tasks />
            {!status.stepDone && <Help step={step} />}
          </>
        )}
        {status.stepDone && last && <Completed />}
      </div>
      <footer className="lesson-foot">
        <button type="button" className="btn" disabled={playing} onClick={() => void goToStep(status.step)} title="Start this step over">
          Reset step
        </button>
        <span className="lesson-foot__spacer" />
        <button type="button" className="btn" disabled={status.step === 0 || playing} onClick={() => void goToStep(status.step - 1)}>
          Previous
        </button>
        <button type="button" className={`btn${status.stepDone ? ' btn--primary' : ''}`} disabled={last || playing} onClick={() => void nextStep()}>
          Next step
        </button>
      </footer>
      <div className="sr-only" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}
