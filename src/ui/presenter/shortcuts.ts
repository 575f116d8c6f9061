/**
 * Keyboard shortcuts for playback in presenter mode: Space play/pause,
 * ←/→ step, Home reset, +/- speed. They dispatch to the trace store's own
 * actions, the same ones the transport bar's buttons call.
 */
import { useEffect } from 'react';
import { SPEEDS, useTraceStore } from '../stores/trace-store';
import { useViewStore } from '../stores/view-store';
import { useLessonModeStore } from '../stores/lesson-mode-store';
import { toggleFullscreen } from './fullscreen';

export type PlaybackCommand = 'toggle-play' | 'step-back' | 'step-forward' | 'reset' | 'faster' | 'slower';

/** The next speed up or down the transport bar's list (staying at the ends). */
export function nextSpeed(speed: number, dir: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= speed);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, at + dir))]!;
}

export function dispatchPlaybackCommand(command: PlaybackCommand): void {
  const t = useTraceStore.getState();
  if (!t.trace) return;
  if (command === 'toggle-play') t.playToggled();
  else if (command === 'step-back') t.stepped(-1);
  else if (command === 'step-forward') t.stepped(1);
  else if (command === 'reset') t.reset();
  else t.speedChanged(nextSpeed(t.speed, command === 'faster' ? 1 : -1));
}

const KEYS: Record<string, PlaybackCommand> = {
  ' ': 'toggle-play',
  ArrowLeft: 'step-back',
  ArrowRight: 'step-forward',
  Home: 'reset',
  '+': 'faster',
  '=': 'faster',
  '-': 'slower',
  _: 'slower',
};

/** Typing somewhere (a text box, the editor) keeps its keys. */
function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || !!el.closest?.('.monaco-editor');
}

export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): PlaybackCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return null;
  return KEYS[e.key] ?? null;
}

/** While presenting, the keyboard drives playback. */
export function usePresenterShortcuts(): void {
  const presenter = useViewStore((s) => s.presenter);
  useEffect(() => {
    if (!presenter) return;
    const onKey = (e: KeyboardEvent): void => {
      // Esc leaves presenter mode (after leaving fullscreen, which the browser does with Esc first); F toggles fullscreen.
      if (!e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target)) {
        if (e.key === 'Escape' && !document.fullscreenElement && !document.querySelector('dialog[open]')) {
          useViewStore.getState().presenterToggled();
          return;
        }
        if (e.key === 'f' || e.key === 'F') {
          e.preventDefault();
          toggleFullscreen();
          return;
        }
      }
      const command = commandForKey(e);
      if (!command) return;
      // A lesson run as a demo: → plays the step (then the next one), ← goes back a step.
      if (useLessonModeStore.getState().id !== null && (command === 'step-forward' || command === 'step-back')) {
        e.preventDefault();
        void import('../lesson/lesson-actions').then((m) => (command === 'step-forward' ? m.presenterForward() : m.presenterBack()));
        return;
      }
      // Space would also press the focused button; the shortcut replaces it.
      e.preventDefault();
      dispatchPlaybackCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenter]);
}
