/** The Fullscreen API, tolerant of browsers and frames that refuse it. */
import { useSyncExternalStore } from 'react';

export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

export function useFullscreen(): boolean {
  return useSyncExternalStore(subscribe, () => !!document.fullscreenElement, () => false);
}
