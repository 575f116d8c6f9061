/**
 * The left pane's editor: a region that paints at once (a plain preview of
 * the YAML) while Monaco's chunk loads behind React.lazy, and the status line.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useScenarioStore } from '../stores/scenario-store';
import { clusterAnswered, useClusterStore } from '../stores/cluster-store';
import { useNoticeStore } from '../stores/notice-store';
import { useKubectlEditStore } from '../stores/kubectl-edit-store';
import { KubectlEditLayer } from './kubectl-edit-layer';
import './editor.css';

const ScenarioEditor = lazy(() => import('./scenario-editor'));

function StatusLine() {
  const status = useScenarioStore((s) => s.status);
  const pending = useScenarioStore((s) => s.pending);
  if (!status) return <div className="apply-status apply-status--idle">starting the cluster…</div>;
  const text = status.ok ? `✓ ${status.summary}` : `✗ ${status.summary}`;
  return (
    <div role="status" aria-live="polite" title={text} className={`apply-status ${status.ok ? 'apply-status--ok' : 'apply-status--error'}${pending ? ' is-pending' : ''}`}>
      <span className="apply-status__text">{text}</span>
    </div>
  );
}

/** Where the cluster no longer matches the text (scaled, made or deleted in the terminal). */
function DriftNote() {
  const drift = useClusterStore((s) => s.snapshot?.drift);
  if (!drift?.length) return null;
  return (
    <div className="drift-note" role="note" aria-label="The cluster differs from this text">
      <strong>The cluster differs from this text:</strong>
      <ul>
        {drift.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
    </div>
  );
}

/** Why the work is not being saved (too big, storage full or blocked): said under the apply status. */
function SaveProblem() {
  const problem = useNoticeStore((s) => s.saveProblem);
  if (!problem) return null;
  return (
    <div role="status" className="save-status" title={problem}>
      ⚠ {problem}
    </div>
  );
}

/** Says what Tab does in the editor: a keyboard user is never trapped in it. */
function TabHint() {
  const leaves = useScenarioStore((s) => s.tabLeaves);
  return <span className="pane__hint">{leaves ? 'Tab leaves the editor · Ctrl+M: Tab indents' : 'edits apply as you type'}</span>;
}

function Preview() {
  const text = useScenarioStore((s) => s.text);
  return (
    <pre className="editor-preview" aria-hidden="true">
      {text}
    </pre>
  );
}

/**
 * True from the frame after the cluster's first answer has painted: Monaco's start
 * is a long task, so the canvas paints first (the preview shows the text meanwhile).
 */
function useAfterFirstGraph(): boolean {
  const answered = useClusterStore(clusterAnswered);
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!answered || after) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setAfter(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [answered, after]);
  return after;
}

export function EditorPane() {
  // kubectl edit's file covers the scenario editor: nothing under it is reachable meanwhile.
  const editing = useKubectlEditStore((s) => s.view !== null);
  const editorWanted = useAfterFirstGraph();
  return (
    <section className="editor-pane" role="region" aria-label="Scenario YAML">
      <header className="pane__header" inert={editing}>
        <h2 className="pane__title">Scenario YAML</h2>
        <TabHint />
      </header>
      <div className="editor-body" inert={editing}>
        <Suspense fallback={<Preview />}>{editorWanted ? <ScenarioEditor /> : <Preview />}</Suspense>
      </div>
      <StatusLine />
      <DriftNote />
      <SaveProblem />
      <KubectlEditLayer />
    </section>
  );
}
