/** "Theme": switches between light and dark (pressed = dark); the default follows the system. */
import { useViewStore } from '../stores/view-store';
import { writeThemePref } from './theme-pref';
import { useResolvedTheme } from './use-theme';

export function ThemeToggle() {
  const theme = useResolvedTheme();
  const dark = theme === 'dark';
  const choose = (): void => {
    const next = dark ? 'light' : 'dark';
    useViewStore.getState().themeChosen(next);
    writeThemePref(next);
  };
  return (
    <button type="button" className="btn btn--quiet btn--icon" aria-label="Theme" aria-pressed={dark} title={dark ? 'Dark theme (switch to light)' : 'Light theme (switch to dark)'} onClick={choose}>
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
    </button>
  );
}
