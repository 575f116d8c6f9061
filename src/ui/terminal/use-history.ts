/** Up/down through earlier lines, as a shell does; the line being typed is kept aside. */
import { useRef } from 'react';

export function useHistory(history: string[]) {
  const pos = useRef<number | null>(null);
  const draft = useRef('');
  return {
    /** Returns the line to show, or null when there is nowhere to go. */
    move(delta: -1 | 1, typed: string): string | null {
      if (history.length === 0) return null;
      if (pos.current === null) {
        if (delta === 1) return null;
        draft.current = typed;
        pos.current = history.length - 1;
      } else {
        const next = pos.current + delta;
        if (next < 0) return null;
        if (next >= history.length) {
          pos.current = null;
          return draft.current;
        }
        pos.current = next;
      }
      return history[pos.current] ?? null;
    },
    reset(): void {
      pos.current = null;
      draft.current = '';
    },
  };
}
