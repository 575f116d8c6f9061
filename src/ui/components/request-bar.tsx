/** "Send a request from this pod to this URL": the trace's starting point, the saved requests, and the load view's trigger. */
import { useMemo, type FormEvent } from 'react';
import type { PodView } from '../../sim/view/snapshot';
import { sendRequest } from '../app/sim-actions';
import { isShownPod } from '../graph/layout';
import { useClusterStore } from '../stores/cluster-store';
import { useRequestStore } from '../stores/request-store';
import { useTraceStore } from '../stores/trace-store';
import { LoadControls } from './load-controls';
import { SavedRequests } from './saved-requests';
import './request-bar.css';

export const WORKSTATION = 'workstation';

function clientPods(pods: PodView[]): PodView[] {
  return pods
    .filter((p) => isShownPod(p) && !p.isCoreDns && !p.terminating)
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}

function optionLabel(p: PodView): string {
  const name = p.namespace === 'default' ? p.name : `${p.namespace}/${p.name}`;
  return `${name} (${p.ip ?? 'no IP'})`;
}

/** The From value in force: the chosen one while it exists, else the client pod, else the first pod, else the workstation. */
export function useFrom(): string {
  const pods = useClusterStore((s) => s.snapshot?.pods);
  const chosen = useRequestStore((s) => s.from);
  const values = useMemo(() => clientPods(pods ?? []).map((p) => `${p.namespace}/${p.name}`), [pods]);
  const fallback = values.find((v) => v.endsWith('/client')) ?? values[0] ?? WORKSTATION;
  return chosen && (values.includes(chosen) || chosen === WORKSTATION) ? chosen : fallback;
}

export function RequestBar() {
  const pods = useClusterStore((s) => s.snapshot?.pods);
  const sending = useTraceStore((s) => s.sending);
  const url = useRequestStore((s) => s.url);
  const { fromChosen, urlEdited } = useRequestStore.getState();
  const options = useMemo(() => clientPods(pods ?? []), [pods]);
  const from = useFrom();

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (url.trim()) void sendRequest({ from, url: url.trim() });
  };

  return (
    <div className="request-area">
      <form className="request-bar" onSubmit={submit} aria-label="Request">
        <label htmlFor="request-from">From</label>
        <select id="request-from" value={from} onChange={(e) => fromChosen(e.target.value)} disabled={!pods}>
          {options.map((p) => (
            <option key={`${p.namespace}/${p.name}`} value={`${p.namespace}/${p.name}`}>
              {optionLabel(p)}
            </option>
          ))}
          <option value={WORKSTATION}>workstation (outside the cluster)</option>
        </select>
        <label htmlFor="request-url">URL</label>
        <input id="request-url" type="text" value={url} onChange={(e) => urlEdited(e.target.value)} spellCheck={false} autoComplete="off" />
        <div className="request-bar__actions">
          <button type="submit" className="btn btn--primary" disabled={!pods || sending}>
            Send request
          </button>
        </div>
        <span className="request-bar__label" aria-hidden="true">Load</span>
        <LoadControls from={from} url={url.trim()} disabled={!pods} />
      </form>
      <SavedRequests from={from} url={url.trim()} />
    </div>
  );
}
