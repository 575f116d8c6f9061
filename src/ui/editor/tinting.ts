/**
 * Linking the YAML with the canvas: the lines behind the selection are tinted
 * (the object's own lines amber, its selector and the labels it matches
 * blue), and putting the cursor in an object's lines chooses that element.
 * With nothing chosen, the hop on show tints the lines of what it is about:
 * the Service whose address was rewritten, or the pod it reaches.
 */
import type { editor } from 'monaco-editor/editor/editor.api';
import type { SourceRange } from '../../sim/view/snapshot';
import { elementAtLine, linkedTo, type Linked } from '../graph/linking';
import { useClusterStore } from '../stores/cluster-store';
import { useSelectionStore } from '../stores/selection-store';
import { useTraceStore } from '../stores/trace-store';
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

/** What the hop on show is about: its related Service, else the pod it comes from or goes to. */
function hopLinked(): Linked | null {
  const { trace, current } = useTraceStore.getState();
  const hop = trace?.hops[current];
  if (!hop) return null;
  const id = hop.related?.[0] ?? [hop.to, hop.from].find((e) => e.startsWith('pod:'));
  return id ? linkedTo(useClusterStore.getState().snapshot, id) : null;
}

export function attachTinting(monaco: Monaco, instance: editor.IStandaloneCodeEditor): () => void {
  const decorations = instance.createDecorationsCollection();
  const paint = (): void => {
    const model = instance.getModel();
    const chosen = useSelectionStore.getState().linked;
    const linked = chosen ?? hopLinked();
    if (!model || !linked) return decorations.clear();
    const blue = lines(model, linked.blue);
    const amber = [...lines(model, linked.amber)].filter((l) => !blue.has(l));
    const deco = (l: number, tone: string): editor.IModelDeltaDecoration => ({
      range: new monaco.Range(l, 1, l, 1),
      options: { isWholeLine: true, className: `tint-${tone}`, linesDecorationsClassName: `tint-${tone}-gutter` },
    });
    decorations.set([...amber.map((l) => deco(l, 'amber')), ...[...blue].map((l) => deco(l, 'blue'))]);
    // Chosen on the canvas, or a hop stepped to by hand: bring the object's lines into view
    // (chosen in the YAML they are in view already; playback and typing are left alone).
    const first = Math.min(...amber, ...blue);
    const reveal = chosen ? useSelectionStore.getState().origin === 'canvas' : !useTraceStore.getState().playing && !instance.hasTextFocus();
    if (reveal && Number.isFinite(first)) {
      instance.revealRangeNearTopIfOutsideViewport(new monaco.Range(first, 1, Math.max(...amber, ...blue), 1));
    }
  };
  const unsubscribe = useSelectionStore.subscribe((s, prev) => {
    if (s.linked !== prev.linked) paint();
  });
  const unsubscribeHops = useTraceStore.subscribe((s, prev) => {
    if (s.current !== prev.current || s.trace !== prev.trace) paint();
  });
  const unsubscribeSnapshot = useClusterStore.subscribe((s, prev) => {
    if (s.snapshot !== prev.snapshot && !useSelectionStore.getState().linked) paint();
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
    unsubscribeHops();
    unsubscribeSnapshot();
    cursor.dispose();
    decorations.clear();
  };
}
