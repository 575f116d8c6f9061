/**
 * kubectl edit's editor: while the terminal waits, a panel over the scenario editor shows
 * the object's file ("kubectl edit service/web") with Save and Cancel. Ctrl+S saves, Esc
 * cancels (asking first when the text changed). Cancel is an editor closed without saving:
 * the worker gets the file as it was opened, and kubectl answers as it would. The scenario's
 * own editor and text stay untouched underneath. Monaco loads lazily (kubectl-edit-monaco.tsx).
 */
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { saveKubectlEdit } from '../app/sim-actions';
import { useKubectlEditStore } from '../stores/kubectl-edit-store';
import type { EditView } from '../../worker/protocol';
import './kubectl-edit.css';

const KubectlEditMonaco = lazy(() => import('./kubectl-edit-monaco'));

export function KubectlEditLayer() {
  const view = useKubectlEditStore((s) => s.view);
  return view ? <KubectlEditPanel view={view} /> : null;
}

function KubectlEditPanel({ view }: { view: EditView }) {
  const opens = useKubectlEditStore((s) => s.opens);
  const saving = useKubectlEditStore((s) => s.saving);
  const changed = useKubectlEditStore((s) => s.draft !== s.view?.text);
  const [confirming, setConfirming] = useState(false);
  const panel = useRef<HTMLElement>(null);
  // "Keep editing" (or Esc on the question) puts the keyboard back in the file.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current && !confirming) panel.current?.querySelector<HTMLElement>('.monaco-editor textarea')?.focus();
    asked.current = confirming;
  }, [confirming]);
  const save = (): void => {
    setConfirming(false);
    void saveKubectlEdit(useKubectlEditStore.getState().draft);
  };
  const discard = (): void => {
    setConfirming(false);
    void saveKubectlEdit(view.text);
  };
  const cancel = (): void => {
    const s = useKubectlEditStore.getState();
    if (s.draft !== s.view?.text) setConfirming(true);
    else discard();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (confirming) setConfirming(false);
      else cancel();
    }
  };
  const command = `kubectl edit ${view.title}`;
  return (
    <section ref={panel} className="kedit" role="region" aria-label={command} onKeyDown={onKeyDown}>
      <header className="kedit__header">
        <h2 className="kedit__title">
          <code>{command}</code>
        </h2>
        <span className="kedit__hint">The terminal waits for this file · Ctrl+S saves · Esc cancels · Ctrl+M: Tab leaves the editor</span>
      </header>
      <div className="kedit__body">
        <Suspense fallback={<pre className="editor-preview kedit__preview">{view.text}</pre>}>
          <KubectlEditMonaco key={opens} opens={opens} view={view} onSave={save} />
        </Suspense>
      </div>
      {confirming ? (
        <div className="kedit__bar kedit__bar--confirm" role="alertdialog" aria-label="Discard your changes?" aria-describedby="kedit-confirm-text">
          <span id="kedit-confirm-text" className="kedit__message">
            Discard your changes to {view.title}? kubectl will make no change.
          </span>
          <button type="button" className="btn" onClick={discard}>
            Discard changes
          </button>
          <button type="button" className="btn btn--primary" autoFocus onClick={() => setConfirming(false)}>
            Keep editing
          </button>
        </div>
      ) : (
        <footer className="kedit__bar">
          <span className="kedit__message">{changed ? 'Edited' : 'Unchanged'}</span>
          <button type="button" className="btn" onClick={cancel} disabled={saving}>
            Cancel
          </button>
          <button type="button" className="btn btn--primary" onClick={save} disabled={saving}>
            Save
          </button>
        </footer>
      )}
    </section>
  );
}
