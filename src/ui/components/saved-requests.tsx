/**
 * Saved requests: the scenario's obvious ones (a client to each Service, the
 * workstation to each NodePort and load balancer) and the learner's own,
 * each fired with one click, each with a badge saying how it went last time.
 */
import { useMemo } from 'react';
import { sendRequest } from '../app/sim-actions';
import { useClusterStore } from '../stores/cluster-store';
import { requestKey, useRequestStore, type SavedRequest } from '../stores/request-store';
import { useTraceStore } from '../stores/trace-store';
import { defaultRequests } from './request-target';

function shortName(from: string, url: string): string {
  const host = /^[a-z]+:\/\/([^/]+)/i.exec(url)?.[1] ?? url;
  return `${from.split('/').pop()} → ${host}`;
}

export function SavedRequests({ from, url }: { from: string; url: string }) {
  const snapshot = useClusterStore((s) => s.snapshot);
  const saved = useRequestStore((s) => s.saved);
  const results = useRequestStore((s) => s.results);
  const sending = useTraceStore((s) => s.sending);
  const defaults = useMemo(() => defaultRequests(snapshot), [snapshot]);
  const all = [...defaults, ...saved.filter((r) => !defaults.some((d) => d.name === r.name))];
  const fire = (r: SavedRequest): void => {
    const store = useRequestStore.getState();
    store.fromChosen(r.from);
    store.urlEdited(r.url);
    void sendRequest({ from: r.from, url: r.url });
  };
  const save = (): void => useRequestStore.getState().requestSaved({ name: shortName(from, url), from, url });
  return (
    <section className="saved-requests" aria-label="Saved requests">
      <header className="saved-requests__head">
        <h3>Saved requests</h3>
        <button type="button" className="link-btn" onClick={save} disabled={!url}>
          Save this request
        </button>
      </header>
      <ul>
        {all.map((r) => {
          const result = results[requestKey(r)];
          return (
            <li key={r.name}>
              <button type="button" className="saved-request" disabled={sending} onClick={() => fire(r)} title={`${r.from} → ${r.url}`}>
                <span className="saved-request__name">{r.name}</span>
                {result !== undefined && (
                  <span className={`badge ${result ? 'badge--pass' : 'badge--fail'}`}>{result ? 'passed' : 'failed'}</span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
