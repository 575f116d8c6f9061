/** "Send a request from this pod to this URL": the trace's starting point. */
import { useMemo, useState, type FormEvent } from 'react';
import type { PodView } from '../../sim/view/snapshot';
import { sendRequest } from '../app/sim-actions';
import { isShownPod } from '../graph/layout';
import { useClusterStore } from '../stores/cluster-store';
import { useTraceStore } from '../stores/trace-store';

const WORKSTATION = 'workstation';

function clientPods(pods: PodView[]): PodView[] {
  return pods
    .filter((p) => isShownPod(p) && !p.isCoreDns && !p.terminating)
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}

function optionLabel(p: PodView): string {
  const name = p.namespace === 'default' ? p.name : `${p.namespace}/${p.name}`;
  return `${name} (${p.ip ?? 'no IP'})`;
}

export function RequestBar() {
  const pods = useClusterStore((s) => s.snapshot?.pods);
  const sending = useTraceStore((s) => s.sending);
  const options = useMemo(() => clientPods(pods ?? []), [pods]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [url, setUrl] = useState('http://web/');
  const values = options.map((p) => `${p.namespace}/${p.name}`);
  const fallback = values.find((v) => v.endsWith('/client')) ?? values[0] ?? WORKSTATION;
  const from = chosen && (values.includes(chosen) || chosen === WORKSTATION) ? chosen : fallback;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (url.trim()) void sendRequest({ from, url: url.trim() });
  };

  return (
    <form className="request-bar" onSubmit={submit} aria-label="Request">
      <label htmlFor="request-from">From</label>
      <select id="request-from" value={from} onChange={(e) => setChosen(e.target.value)} disabled={!pods}>
        {options.map((p) => (
          <option key={`${p.namespace}/${p.name}`} value={`${p.namespace}/${p.name}`}>
            {optionLabel(p)}
          </option>
        ))}
        <option value={WORKSTATION}>workstation (outside the cluster)</option>
      </select>
      <label htmlFor="request-url">URL</label>
      <input id="request-url" type="text" value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} autoComplete="off" />
      <div className="request-bar__actions">
        <button type="submit" className="btn btn--primary" disabled={!pods || sending}>
          Send request
        </button>
      </div>
    </form>
  );
}
