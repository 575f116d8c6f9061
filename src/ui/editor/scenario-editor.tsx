/**
 * The Monaco YAML editor (the lazy chunk). The editor owns the text while
 * typing; every change goes to the worker (debounced there), and the
 * diagnostics that come back become markers.
 */
import { useEffect, useRef } from 'react';
import type { editor } from 'monaco-editor/editor/editor.api';
import { yamlEdited } from '../app/sim-actions';
import { useScenarioStore } from '../stores/scenario-store';
import { useResolvedTheme } from '../theme/use-theme';
import { monacoTheme, setUpMonaco } from './monaco-setup';
import { MARKER_OWNER, toMarkers } from './markers';
import { attachTinting } from './tinting';

const OPTIONS: editor.IStandaloneEditorConstructionOptions = {
  language: 'yaml',
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  lineHeight: 20,
  fontFamily: 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
  scrollBeyondLastLine: false,
  tabSize: 2,
  insertSpaces: true,
  lineNumbersMinChars: 3,
  padding: { top: 8, bottom: 8 },
  renderLineHighlight: 'line',
  overviewRulerBorder: false,
  hideCursorInOverviewRuler: true,
  fixedOverflowWidgets: true,
  stickyScroll: { enabled: false },
  // Playwright's keyboard drops spaces under Monaco's EditContext input.
  editContext: false,
  ariaLabel: 'Edit scenario',
  theme: 'vs',
};

/**
 * A keyboard user must be able to leave the editor: reached by Tab (no pointer
 * press just before), the editor is in Monaco's tab-focus mode, where Tab moves
 * focus on; Ctrl+M (Monaco's own toggle) switches Tab back to indenting, and a
 * click puts it back too. The pane's hint says which mode is on.
 */
function releaseTabForKeyboard(instance: editor.IStandaloneCodeEditor, root: HTMLElement): () => void {
  let pointerAt = 0;
  const pointer = (): void => {
    pointerAt = Date.now();
  };
  root.addEventListener('pointerdown', pointer, true);
  const set = (on: boolean): void => {
    instance.updateOptions({ tabFocusMode: on });
    useScenarioStore.getState().tabLeavesChanged(on);
  };
  const focus = instance.onDidFocusEditorText(() => set(Date.now() - pointerAt > 500));
  const monaco = setUpMonaco();
  instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, () => set(!useScenarioStore.getState().tabLeaves));
  const clicked = instance.onMouseDown(() => set(false));
  return () => {
    root.removeEventListener('pointerdown', pointer, true);
    focus.dispose();
    clicked.dispose();
  };
}

export default function ScenarioEditor() {
  const host = useRef<HTMLDivElement>(null);
  const ed = useRef<editor.IStandaloneCodeEditor | null>(null);
  const diagnostics = useScenarioStore((s) => s.diagnostics);
  const theme = useResolvedTheme();
  // Monaco's theme is global; follow the app's light or dark theme.
  useEffect(() => {
    setUpMonaco().editor.setTheme(monacoTheme(theme));
  }, [theme]);

  useEffect(() => {
    const monaco = setUpMonaco();
    const uri = monaco.Uri.parse('file:///scenario.yaml');
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(useScenarioStore.getState().text, 'yaml', uri);
    // The model outlives the editor; a scenario may have been loaded meanwhile.
    if (model.getValue() !== useScenarioStore.getState().text) model.setValue(useScenarioStore.getState().text);
    const instance = monaco.editor.create(host.current!, { ...OPTIONS, model, theme: monacoTheme(document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light') });
    ed.current = instance;
    const untint = attachTinting(monaco, instance);
    const sub = model.onDidChangeContent(() => {
      const text = model.getValue();
      if (text !== useScenarioStore.getState().text) yamlEdited(text);
    });
    // A whole scenario was loaded (a share link, the saved work, a reset): show its text.
    const unloaded = useScenarioStore.subscribe((s, prev) => {
      if (s.loads !== prev.loads && model.getValue() !== s.text) model.setValue(s.text);
    });
    // Input into Monaco's hidden textarea can make the browser scroll the
    // editor's scrollbar node sideways to "reveal" it; Monaco undoes such
    // scrolls on its other nodes but not this one, and the text then sits
    // off to the left. Undo it here.
    const unscroll = (e: Event): void => {
      const el = e.target as HTMLElement;
      if (el.classList?.contains('editor-scrollable') && el.scrollLeft) el.scrollLeft = 0;
    };
    const root = host.current!;
    root.addEventListener('scroll', unscroll, true);
    const untrap = releaseTabForKeyboard(instance, root);
    return () => {
      untrap();
      root.removeEventListener('scroll', unscroll, true);
      untint();
      unloaded();
      sub.dispose();
      instance.dispose();
      ed.current = null;
    };
  }, []);

  useEffect(() => {
    const model = ed.current?.getModel();
    if (!model) return;
    const monaco = setUpMonaco();
    monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(diagnostics, model, monaco.MarkerSeverity));
  }, [diagnostics]);

  return <div ref={host} className="monaco-host" data-testid="monaco-host" />;
}
