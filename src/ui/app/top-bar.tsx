/** The title, the cluster's name and the kube-proxy mode in force. */
import type { ProxyMode } from '../../sim/view/snapshot';
import { useClusterStore } from '../stores/cluster-store';

const MODES: ProxyMode[] = ['iptables', 'ipvs', 'nftables', 'userspace'];

export function TopBar() {
  const mode = useClusterStore((s) => s.snapshot?.proxyMode);
  const cluster = useClusterStore((s) => s.snapshot?.clusterName);
  return (
    <header className="top-bar">
      <h1 className="top-bar__title">
        <span className="top-bar__logo" aria-hidden="true" />
        Services, seen from inside
      </h1>
      {cluster && <span className="chip">cluster: {cluster}</span>}
      <div className="mode-indicator" role="status" aria-label={`kube-proxy mode: ${mode ?? 'unknown'}`}>
        <span className="mode-indicator__label">kube-proxy</span>
        <span className="segmented">
          {MODES.map((m) => (
            <span key={m} className={`segmented__item${m === mode ? ' is-on' : ''}`} aria-hidden="true">
              {m === 'ipvs' ? 'IPVS' : m}
            </span>
          ))}
        </span>
      </div>
    </header>
  );
}
