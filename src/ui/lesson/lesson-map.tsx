/**
 * The lesson map: every lesson by track, with its minutes and a tick once
 * done; a teacher's own lesson file opens from here, and the current
 * scenario can become the start of a new lesson.
 */
import type { ChangeEvent } from 'react';
import { useModal } from './use-modal';
import { useLessonModeStore } from '../stores/lesson-mode-store';
import { useScenarioStore } from '../stores/scenario-store';
import { tracks } from './catalog';
import { openBuiltIn, openLesson, welcomed } from './lesson-actions';
import { useLessonStore } from './lesson-store';
import { lessonFromScenario } from './make-lesson';
import { lessonProgress } from './progress';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function LessonMap() {
  const open = useLessonModeStore((s) => s.mapOpen);
  const progress = useLessonStore((s) => s.progress);
  const current = useLessonModeStore((s) => s.id);
  const dialog = useModal(open);
  const close = () => useLessonModeStore.getState().mapToggled(false);
  const start = (id: string) => {
    welcomed();
    close();
    void openBuiltIn(id);
  };
  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    close();
    await openLesson({ text: await file.text(), file: file.name, builtIn: false }, 0);
  };
  const all = tracks();
  const doneCount = all.reduce((n, t) => n + t.lessons.filter((l) => lessonProgress(progress, l.lesson.id).done).length, 0);
  const total = all.reduce((n, t) => n + t.lessons.length, 0);
  return (
    <dialog ref={dialog} className="lesson-map" aria-labelledby="lesson-map-title" onClose={close}>
      <header className="lesson-map__head">
        <h2 id="lesson-map-title">Lessons</h2>
        <span className="lesson-muted">
          {doneCount} of {total} done
        </span>
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
      </header>
      <div className="lesson-map__body">
        {all.map((t) => (
          <section key={t.name} className="lesson-map__track" aria-label={t.name}>
            <h3>{t.name}</h3>
            <ul>
              {t.lessons.map(({ lesson }) => {
                const p = lessonProgress(progress, lesson.id);
                const state = p.done ? 'done' : p.stepsDone.length || p.step > 0 ? `step ${p.step + 1} of ${lesson.steps.length}` : '';
                return (
                  <li key={lesson.id}>
                    <button type="button" className={`lesson-map__item${p.done ? ' is-done' : ''}${current === lesson.id ? ' is-current' : ''}`} onClick={() => start(lesson.id)}>
                      <span className="lesson-map__tick" aria-hidden="true">
                        {p.done ? '✓' : ''}
                      </span>
                      <span className="lesson-map__text">
                        <span className="lesson-map__title">{lesson.title}</span>
                        <span className="lesson-map__summary">{lesson.summary}</span>
                      </span>
                      <span className="lesson-map__meta">
                        {lesson.minutes} min{state ? ` · ${state}` : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
        <section className="lesson-map__track" aria-label="Your own lessons">
          <h3>Your own lessons</h3>
          <p className="lesson-muted">
            A lesson is a YAML file: steps, tasks checked by the simulation, hints and a solution. Open one a teacher gave you, or start one from the scenario on screen.
          </p>
          <div className="lesson-help__actions">
            <label className="btn lesson-file">
              Open a lesson file…
              <input type="file" accept=".yaml,.yml,text/yaml,application/yaml" onChange={(e) => void openFile(e)} />
            </label>
            <button type="button" className="btn" onClick={() => download('my-lesson.yaml', lessonFromScenario(useScenarioStore.getState().text, useScenarioStore.getState().clusterConfig))}>
              Make a lesson from this scenario
            </button>
          </div>
        </section>
      </div>
    </dialog>
  );
}
