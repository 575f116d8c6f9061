/**
 * A small panel over the canvas for the chosen Service or pod: what the
 * selector picks, and for each pod it does not pick, which label differs.
 */
import type { ClusterSnapshot, PodView, ServiceView } from '../../sim/view/snapshot';
import { useClusterStore } from '../stores/cluster-store';
import { useSelectionStore } from '../stores/selection-store';
import { isShownService } from './layout';
import { mismatch, podId, selects, svcId } from './linking';

const labelText = (labels: Record<string, string> | null): string =>
  labels && Object.keys(labels).length ? Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ') : 'none';

const userPods = (snap: ClusterSnapshot, ns: string): PodView[] => snap.pods.filter((p) => p.namespace === ns && !p.isCoreDns);

function ServiceBody({ snap, svc }: { snap: ClusterSnapshot; svc: ServiceView }) {
  const pods = userPods(snap, svc.namespace);
  const picked = pods.filter((p) => selects(svc, p));
  const missed = pods.filter((p) => !selects(svc, p));
  return (
    <>
      <h3>Service {svc.name}</h3>
      <p>selector <code>{labelText(svc.selector)}</code></p>
      <p>{picked.length ? `Selects ${picked.length} pod${picked.length === 1 ? '' : 's'}: ${picked.map((p) => p.name).join(', ')}` : 'Selects no pod: the Service has no endpoints.'}</p>
      {missed.length > 0 && (
        <ul aria-label="Pods it does not select">
          {missed.map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong>: {mismatch(svc.selector, p.labels)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function PodBody({ snap, pod }: { snap: ClusterSnapshot; pod: PodView }) {
  const services = snap.services.filter((s) => s.namespace === pod.namespace && isShownService(s) && s.type !== 'ExternalName');
  const by = services.filter((s) => selects(s, pod));
  const not = services.filter((s) => !selects(s, pod));
  return (
    <>
      <h3>Pod {pod.name}</h3>
      <p>labels <code>{labelText(pod.labels)}</code></p>
      <p>{by.length ? `Selected by ${by.map((s) => `Service ${s.name}`).join(', ')}` : 'No Service selects this pod.'}</p>
      {not.length > 0 && (
        <ul aria-label="Services that do not select it">
          {not.map((s) => (
            <li key={s.name}>
              <strong>Service {s.name}</strong>: {mismatch(s.selector, pod.labels)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function SelectionPanel() {
  const selected = useSelectionStore((s) => s.selected);
  const snap = useClusterStore((s) => s.snapshot);
  if (!selected || !snap) return null;
  const svc = snap.services.find((s) => svcId(s) === selected || `lb:${s.namespace}/${s.name}` === selected);
  const pod = svc ? undefined : snap.pods.find((p) => podId(p) === selected);
  if (!svc && !pod) return null;
  return (
    <section className="selection-panel" role="region" aria-label="Selection">
      <button type="button" className="selection-panel__close" aria-label="Clear selection" onClick={() => useSelectionStore.getState().elementChosen(null, 'canvas')}>
        ×
      </button>
      {svc ? <ServiceBody snap={snap} svc={svc} /> : <PodBody snap={snap} pod={pod!} />}
    </section>
  );
}
