/**
 * What every element on the canvas shares: it lights up when the current hop
 * touches it or when it is linked to the selection, and it can be chosen with
 * the keyboard as well as by a click (React Flow's onNodeClick).
 */
import type { KeyboardEvent } from 'react';
import type { ElementId } from '../../sim/view/snapshot';
import { useSelectionMark, useSelectionStore } from '../stores/selection-store';
import { useHopTouch, type HopTouch } from './hop-focus';
import { useLessonFocusStore } from '../stores/lesson-focus-store';

export interface ElementState {
  touched: HopTouch | null;
  /** Classes to add: is-active / is-from / is-to / is-related for the hop, is-selected / is-linked for the selection. */
  classes: string;
  chooseProps: { tabIndex: number; onKeyDown(e: KeyboardEvent): void };
}

export function useElementState(id: ElementId, isCoreDns = false): ElementState {
  const touched = useHopTouch(id, isCoreDns);
  const mark = useSelectionMark(id);
  const lessonFocus = useLessonFocusStore((s) => s.ids.has(id));
  const hop = touched === 'related' ? ' is-related' : touched ? ` is-active is-${touched}` : '';
  const sel = mark ? ` is-${mark}` : '';
  return {
    touched,
    classes: hop + sel + (lessonFocus ? ' is-lesson-focus' : ''),
    chooseProps: {
      tabIndex: 0,
      onKeyDown: (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        const { selected, elementChosen } = useSelectionStore.getState();
        elementChosen(selected === id ? null : id, 'canvas');
      },
    },
  };
}
