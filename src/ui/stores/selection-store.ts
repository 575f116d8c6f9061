/**
 * The element the learner chose (on the canvas, or by putting the cursor in
 * its YAML), and everything linked to it, recomputed with every snapshot.
 */
import { create } from 'zustand';
import type { ElementId } from '../../sim/view/snapshot';
import { linkedTo, type Linked } from '../graph/linking';
import { useClusterStore } from './cluster-store';

export type SelectionOrigin = 'canvas' | 'yaml';

interface SelectionState {
  selected: ElementId | null;
  origin: SelectionOrigin | null;
  linked: Linked | null;
  elementChosen(id: ElementId | null, origin: SelectionOrigin): void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  selected: null,
  origin: null,
  linked: null,
  elementChosen: (selected, origin) =>
    set({ selected, origin: selected ? origin : null, linked: linkedTo(useClusterStore.getState().snapshot, selected) }),
}));

useClusterStore.subscribe((s, prev) => {
  if (s.snapshot === prev.snapshot) return;
  const { selected } = useSelectionStore.getState();
  const linked = linkedTo(s.snapshot, selected);
  useSelectionStore.setState(linked ? { linked } : { selected: null, origin: null, linked: null });
});

/** "selected", "linked" or null for one element; a selector hook, so only the elements concerned re-render. */
export function useSelectionMark(id: ElementId): 'selected' | 'linked' | null {
  return useSelectionStore((s) => (s.selected === id ? 'selected' : s.linked?.elements.has(id) ? 'linked' : null));
}
