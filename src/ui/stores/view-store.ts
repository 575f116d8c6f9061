/** How the app is shown: presenter mode, theme, table view, embed, and a link that failed to open. */
import { create } from 'zustand';
import type { ThemeChoice } from '../../share/share-state';
import { readThemePref } from '../theme/theme-pref';
import { DEFAULT_EMBED_OPTIONS, parseEmbedOptions, type EmbedOptions } from '../share/embed-options';

interface ViewState {
  presenter: boolean;
  theme: ThemeChoice;
  tableView: boolean;
  /** Opened with ?embed=1: canvas, hops and a compact request bar only. */
  embed: boolean;
  /** The embed's URL options (hop, autoplay, controls, theme); the defaults outside embed mode. */
  embedOptions: EmbedOptions;
  /** Below 1100 px the workspace shows one panel at a time: which. */
  panel: WorkspacePanel;
  /** Why the share link in the URL could not be opened, until dismissed. */
  linkError: string | null;
  presenterToggled(): void;
  themeChosen(theme: ThemeChoice): void;
  tableViewToggled(): void;
  viewOpened(view: { presenter: boolean; theme: ThemeChoice; tableView: boolean }): void;
  linkFailed(message: string): void;
  linkErrorDismissed(): void;
  panelChosen(panel: WorkspacePanel): void;
}

export type WorkspacePanel = 'graph' | 'yaml' | 'hops' | 'terminal';

const embedded = (): boolean => typeof location !== 'undefined' && new URLSearchParams(location.search).get('embed') === '1';

const embedOptions = (): EmbedOptions => (embedded() ? parseEmbedOptions(location.search) : DEFAULT_EMBED_OPTIONS);

export const useViewStore = create<ViewState>()((set) => ({
  presenter: false,
  theme: embedOptions().theme ?? readThemePref(),
  tableView: false,
  embed: embedded(),
  embedOptions: embedOptions(),
  panel: 'graph',
  linkError: null,
  presenterToggled: () => set((s) => ({ presenter: !s.presenter })),
  themeChosen: (theme) => set({ theme }),
  tableViewToggled: () => set((s) => ({ tableView: !s.tableView })),
  // An embed's theme=… wins over the link's.
  viewOpened: (view) => set((s) => ({ ...view, theme: s.embedOptions.theme ?? view.theme })),
  linkFailed: (linkError) => set({ linkError }),
  linkErrorDismissed: () => set({ linkError: null }),
  panelChosen: (panel) => set({ panel }),
}));
