/** The kube-proxy mode, as a switch: choosing another mode starts the same scenario on a cluster in that mode. */
import type { KeyboardEvent } from 'react';
import type { ProxyMode } from '../../sim/view/snapshot';
import { switchProxyMode } from '../app/cluster-settings';
import { useClusterStore } from '../stores/cluster-store';
import { useLessonModeStore } from '../stores/lesson-mode-store';
import './proxy-mode-switch.css';

const MODES: ProxyMode[] = ['iptables', 'ipvs', 'nftables', 'userspace'];
const NAMES: Record<ProxyMode, string> = { iptables: 'iptables', ipvs: 'IPVS', nftables: 'nftables', userspace: 'userspace v1.25' };
/** The userspace proxier was removed in v1.26: choosing it starts a simulated v1.25 cluster. */
const TITLES: Partial<Record<ProxyMode, string>> = { userspace: 'Historic mode: removed in Kubernetes v1.26, so the cluster runs v1.25 (kind refuses it on newer versions)' };

export function ProxyModeSwitch() {
  const mode = useClusterStore((s) => s.snapshot?.proxyMode);
  // A lesson's cluster is part of the lesson: its mode is fixed while it plays.
  const lesson = useLessonModeStore((s) => s.id !== null);
  const choose = (m: ProxyMode): void => {
    if (m !== mode && !lesson) void switchProxyMode(m);
  };
  // A radio group moves with the arrow keys.
  const onKeyDown = (e: KeyboardEvent): void => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step || !mode || lesson) return;
    e.preventDefault();
    const next = MODES[(MODES.indexOf(mode) + step + MODES.length) % MODES.length]!;
    choose(next);
    requestAnimationFrame(() => document.getElementById(`proxy-mode-${next}`)?.focus());
  };
  return (
    <div className="mode-indicator">
      <span className="mode-indicator__label" aria-hidden="true">kube-proxy</span>
      <span className="segmented" role="radiogroup" aria-label="kube-proxy mode" title={lesson ? 'The lesson sets the kube-proxy mode' : undefined} onKeyDown={onKeyDown}>
        {MODES.map((m) => (
          <button
            key={m}
            id={`proxy-mode-${m}`}
            type="button"
            role="radio"
            aria-checked={m === mode}
            tabIndex={m === mode ? 0 : -1}
            disabled={!mode || (lesson && m !== mode)}
            className={`segmented__item${m === mode ? ' is-on' : ''}`}
            title={TITLES[m]}
            onClick={() => choose(m)}
          >
            {NAMES[m]}
          </button>
        ))}
      </span>
    </div>
  );
}
