/**
 * The left pane during a lesson: tabs between the lesson and the scenario
 * YAML. The editor stays mounted under both (it keeps its state); the lesson
 * panel is loaded lazily.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { useLessonModeStore } from '../stores/lesson-mode-store';

const LessonPanel = lazy(() => import('./lesson-panel'));

export function LeftPaneContent({ editor }: { editor: ReactNode }) {
  const lesson = useLessonModeStore((s) => s.id);
  const tab = useLessonModeStore((s) => s.leftTab);
  const choose = useLessonModeStore((s) => s.leftTabChosen);
  if (!lesson) return <>{editor}</>;
  const tabs: ['lesson' | 'yaml', string][] = [
    ['lesson', 'Lesson'],
    ['yaml', 'Scenario YAML'],
  ];
  return (
    <>
      <div className="left-tabs" role="tablist" aria-label="Left pane">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`left-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`left-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => choose(id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const next = tab === 'lesson' ? 'yaml' : 'lesson';
                choose(next);
                document.getElementById(`left-tab-${next}`)?.focus();
              }
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div id="left-panel-lesson" role="tabpanel" aria-labelledby="left-tab-lesson" className="left-panel" hidden={tab !== 'lesson'}>
        <Suspense fallback={<div className="lesson-panel lesson-panel--empty">Opening the lesson…</div>}>
          <LessonPanel />
        </Suspense>
      </div>
      <div id="left-panel-yaml" role="tabpanel" aria-labelledby="left-tab-yaml" className="left-panel" hidden={tab !== 'yaml'}>
        {editor}
      </div>
    </>
  );
}
