/**
 * The bottom pane, as the sketch has it: tabs for the terminal, the cluster's events
 * and a node's proxy rules. The terminal stays mounted behind the other tabs, so what
 * was typed and an attached pod shell survive a look at the events.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { Terminal } from '../terminal/terminal';
import { EventsPanel } from './events-panel';
import { RulesPanel } from './rules-panel';
import './dock.css';

const TABS = [
  { id: 'terminal', label: 'Terminal', hint: 'kubectl · curl · nslookup · iptables-save — ↑↓ history, Tab completes' },
  { id: 'events', label: 'Events', hint: 'every namespace, oldest first, as it stands now' },
  { id: 'rules', label: 'Node rules', hint: "what kube-proxy wrote on a node, in its mode's own tool" },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function Dock() {
  const [tab, setTab] = useState<TabId>('terminal');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = TABS.find((t) => t.id === tab)!;

  // The WAI-ARIA tabs pattern: arrows move between tabs, Home and End to the ends.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.id);
    buttons.current[next]?.focus();
  };

  return (
    <section className="pane terminal-pane dock" aria-label="Terminal, events and node rules">
      <header className="pane__header dock__header">
        <div className="dock__tabs" role="tablist" aria-label="Bottom pane" onKeyDown={onKeyDown}>
          {TABS.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`dock-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`dock-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              className="dock__tab"
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span className="pane__hint">{current.hint}</span>
      </header>
      <div role="tabpanel" id="dock-panel-terminal" aria-labelledby="dock-tab-terminal" className="dock__panel" hidden={tab !== 'terminal'}>
        <Terminal />
      </div>
      {tab === 'events' && (
        <div role="tabpanel" id="dock-panel-events" aria-labelledby="dock-tab-events" className="dock__panel">
          <EventsPanel />
        </div>
      )}
      {tab === 'rules' && (
        <div role="tabpanel" id="dock-panel-rules" aria-labelledby="dock-tab-rules" className="dock__panel">
          <RulesPanel />
        </div>
      )}
    </section>
  );
}
