/** The learner's theme choice, kept across visits; 'system' follows prefers-color-scheme. */
import type { ThemeChoice } from '../../share/share-state';

const KEY = 'k8s-services-seen-from-inside:theme';

export function readThemePref(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export function writeThemePref(theme: ThemeChoice): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not kept; the choice still applies to this visit.
  }
}

export const systemPrefersDark = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

export const resolveTheme = (choice: ThemeChoice, prefersDark: boolean): 'light' | 'dark' =>
  choice === 'system' ? (prefersDark ? 'dark' : 'light') : choice;
