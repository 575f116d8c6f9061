/**
 * The Monaco editor of kubectl edit's file (the lazy chunk): its own model, never the
 * scenario's, so the scenario text cannot be touched from here. Ctrl+S inside it saves.
 */
import { useEffect, useRef } from 'react';
import type { EditView } from '../../worker/protocol';
import { useKubectlEditStore } from '../stores/kubectl-edit-store';
import { useResolvedTheme } from '../theme/use-theme';
import { setUpMonaco } from './monaco-setup';

interface Props {
  view: EditView;
  /** Which opening this is: each gets a model of its own. */
  opens: number;
  onSave(): void;
}

export default function KubectlEditMonaco({ view, opens, onSave }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const save = useRef(onSave);
  save.current = onSave;
  const theme = useResolvedTheme();
  useEffect(() => {
    setUpMonaco().editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  useEffect(() => {
    const monaco = setUpMonaco();
    const uri = monaco.Uri.parse(`file:///kubectl-edit/${opens}.${view.language}`);
    const model = monaco.editor.createModel(view.text, view.language, uri);
    const instance = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineHeight: 20,
      fontFamily: 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
      scrollBeyondLastLine: false,
      // kubectl's header and its error lines are long comments: wrap them rather than hide their ends.
      wordWrap: 'on',
      tabSize: 2,
      insertSpaces: true,
      lineNumbersMinChars: 3,
      padding: { top: 8, bottom: 8 },
      fixedOverflowWidgets: true,
      stickyScroll: { enabled: false },
      // As the scenario editor: Playwright's keyboard drops spaces under Monaco's EditContext input.
      editContext: false,
      ariaLabel: `Edit the file of kubectl edit ${view.title}`,
      theme: document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs',
    });
    const sub = model.onDidChangeContent(() => useKubectlEditStore.getState().drafted(model.getValue()));
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => save.current());
    // Ctrl+M: Tab moves the focus on (to Cancel and Save) instead of indenting, as in the scenario editor.
    let tabLeaves = false;
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, () => {
      tabLeaves = !tabLeaves;
      instance.updateOptions({ tabFocusMode: tabLeaves });
    });
    // The header (and the reasons of a failed save) in view; the cursor on the object's first line.
    const first = view.text.split('\n').findIndex((l) => !l.startsWith('#'));
    instance.setPosition({ lineNumber: first + 1, column: 1 });
    instance.setScrollTop(0);
    instance.focus();
    return () => {
      sub.dispose();
      instance.dispose();
      model.dispose();
    };
  }, [opens, view]);

  return <div ref={host} className="monaco-host" data-testid="kubectl-edit-monaco" />;
}
