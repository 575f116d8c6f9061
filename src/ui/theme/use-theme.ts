/** Puts the resolved theme and presenter mode on <html>, where theme.css reads them. */
import { useLayoutEffect, useSyncExternalStore } from 'react';
import { useViewStore } from '../stores/view-store';
import { resolveTheme, systemPrefersDark } from './theme-pref';
import './theme.css';

function subscribeScheme(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const mq = matchMedia('(prefers-color-scheme: dark)');
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

export function useResolvedTheme(): 'light' | 'dark' {
  const choice = useViewStore((s) => s.theme);
  const prefersDark = useSyncExternalStore(subscribeScheme, systemPrefersDark, () => false);
  return resolveTheme(choice, prefersDark);
}

export function useTheme(): void {
  const theme = useResolvedTheme();
  const presenter = useViewStore((s) => s.presenter);
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    if (presenter) root.dataset.presenter = '';
    else delete root.dataset.presenter;
  }, [theme, presenter]);
}
