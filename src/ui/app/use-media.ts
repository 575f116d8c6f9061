/** A CSS media query as React state (the layouts switch on the window's width). */
import { useSyncExternalStore } from 'react';

export const NARROW = '(max-width: 1099px)';
/** An embed too narrow for the canvas and the hops side by side. */
export const EMBED_NARROW = '(max-width: 719px)';

export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof matchMedia !== 'function') return () => {};
      const mq = matchMedia(query);
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    () => typeof matchMedia === 'function' && matchMedia(query).matches,
    () => false,
  );
}
