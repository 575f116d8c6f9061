/** How the app is shown: presenter mode, theme, table view, embed, and a link that failed to open. */
import { create } from 'zustand';
import type { ThemeChoice } from '../../share/share-state';
import { readThemePref } from '../theme/theme-pref';

interface ViewState {
  presenter: boolean;
  theme: ThemeChoice;
  tableView: boolean;
  /** Opened with ?embed=1: canvas, hops and a compact request bar only. */
  embed: boolean;
  /** Why the share link in the URL could not be opened, until dismissed. */
  linkError: string | null;
  presenterToggled(): void;
  themeChosen(theme: ThemeChoice): void;
  tableViewToggled(): void;
  viewOpened(view: { presenter: boolean; theme: ThemeChoice; tableView: boolean }): void;
  linkFailed(message: string): void;
  linkErrorDismissed(): void;
}

const embedded = (): boolean => typeof location !== 'undefined' && new URLSearchParams(location.search).get('embed') === '1';

export const useViewStore = create<ViewState>()((set) => ({
  presenter: false,
  theme: readThemePref(),
  tableView: false,
  embed: embedded(),
  linkError: null,
  presenterToggled: () => set((s) => ({ presenter: !s.presenter })),
  themeChosen: (theme) => set({ theme }),
  tableViewToggled: () => set((s) => ({ tableView: !s.tableView })),
  viewOpened: (view) => set(view),
  linkFailed: (linkError) => set({ linkError }),
  linkErrorDismissed: () => set({ linkError: null }),
}));
