/**
 * The tabs of the narrow layouts (below 1100 px, and a narrow embed): one
 * panel at a time, Graph first. Arrow keys, Home and End move between tabs
 * (the WAI-ARIA tabs pattern).
 */
import type { KeyboardEvent } from 'react';
import { useViewStore, type WorkspacePanel } from '../stores/view-store';

export const panelId = (panel: WorkspacePanel): string => `panel-${panel}`;
const tabId = (panel: WorkspacePanel): string => `panel-tab-${panel}`;

export function PanelTabs({ tabs, label }: { tabs: readonly [WorkspacePanel, string][]; label: string }) {
  const current = useViewStore((s) => s.panel);
  const chosen = tabs.some(([id]) => id === current) ? current : tabs[0]![0];
  const choose = (panel: WorkspacePanel, focus: boolean): void => {
    useViewStore.getState().panelChosen(panel);
    if (focus) document.getElementById(tabId(panel))?.focus();
  };
  const onKey = (e: KeyboardEvent, i: number): void => {
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    choose(tabs[(next + tabs.length) % tabs.length]![0], true);
  };
  return (
    <div className="panel-tabs" role="tablist" aria-label={label}>
      {tabs.map(([id, name], i) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={tabId(id)}
          className="panel-tabs__tab"
          aria-selected={chosen === id}
          aria-controls={chosen === id ? panelId(id) : undefined}
          tabIndex={chosen === id ? 0 : -1}
          onClick={() => choose(id, false)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}

/** The panel shown, among the ones these tabs offer. */
export function useChosenPanel(tabs: readonly [WorkspacePanel, string][]): WorkspacePanel {
  const current = useViewStore((s) => s.panel);
  return tabs.some(([id]) => id === current) ? current : tabs[0]![0];
}

export function TabPanel({ panel, className, children }: { panel: WorkspacePanel; className?: string; children: React.ReactNode }) {
  return (
    <div id={panelId(panel)} role="tabpanel" aria-labelledby={tabId(panel)} className={`tab-panel${className ? ` ${className}` : ''}`}>
      {children}
    </div>
  );
}
