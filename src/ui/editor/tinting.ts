/**
 * Linking the YAML with the canvas: the lines behind the selection are tinted
 * (the object's own lines amber, its selector and the labels it matches
 * blue), and putting the cursor in an object's lines chooses that element.
 */
import type { editor } from 'monaco-editor/editor/editor.api';
import type { SourceRange } from '../../sim/view/snapshot';
import { elementAtLine } from '../graph/linking';
import { useClusterStore } from '../stores/cluster-store';
import { useSelectionStore } from '../stores/selection-store';
import type { setUpMonaco } from './monaco-setup';

type Monaco = ReturnType<typeof setUpMonaco>;

/** Lines of the ranges, without a document's closing "---" (a document's range reaches the next separator). */
function lines(model: editor.ITextModel, ranges: SourceRange[]): Set<number> {
  const out = new Set<number>();
  const last = model.getLineCount();
  for (const r of ranges) {
    for (let l = Math.max(1, r.startLine); l <= Math.min(last, r.endLine); l++) {
      if (!(l === r.endLine && model.getLineContent(l).trim() === '---')) out.add(l);
    }
  }
  return out;
}

export function attachTinting(monaco: Monaco, instance: editor.IStandaloneCodeEditor): () => void {
  const decorations = instance.createDecorationsCollection();
  const paint = (): void => {
    const model = instance.getModel();
    const linked = useSelectionStore.getState().linked;
    if (!model || !linked) return decorations.clear();
    const blue = lines(model, linked.blue);
    const amber = [...lines(model, linked.amber)].filter((l) => !blue.has(l));
    const deco = (l: number, tone: string): editor.IModelDeltaDecoration => ({
      range: new monaco.Range(l, 1, l, 1),
      options: { isWholeLine: true, className: `tint-${tone}`, linesDecorationsClassName: `tint-${tone}-gutter` },
    });
    decorations.set([...amber.map((l) => deco(l, 'amber')), ...[...blue].map((l) => deco(l, 'blue'))]);
    // Chosen on the canvas: bring the object's lines into view (chosen in the YAML, they are in view already).
    const first = Math.min(...amber, ...blue);
    if (useSelectionStore.getState().origin === 'canvas' && Number.isFinite(first)) {
      instance.revealRangeNearTopIfOutsideViewport(new monaco.Range(first, 1, Math.max(...amber, ...blue), 1));
    }
  };
  const unsubscribe = useSelectionStore.subscribe((s, prev) => {
    if (s.linked !== prev.linked) paint();
  });
  // Only the learner's own cursor moves choose an element (not a text replaced by a load).
  const cursor = instance.onDidChangeCursorPosition((e) => {
    if (!instance.hasTextFocus() || e.reason === monaco.editor.CursorChangeReason.ContentFlush) return;
    const id = elementAtLine(useClusterStore.getState().snapshot, e.position.lineNumber);
    const { selected, origin, elementChosen } = useSelectionStore.getState();
    if (id && id !== selected) elementChosen(id, 'yaml');
    else if (!id && origin === 'yaml') elementChosen(null, 'yaml');
  });
  paint();
  return () => {
    unsubscribe();
    cursor.dispose();
    decorations.clear();
  };
}
