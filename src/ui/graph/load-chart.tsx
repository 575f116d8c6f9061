/** The load view's chart: how many of the requests each pod answered, with the proxy mode and affinity that decided it. */
import { useLoadStore } from '../stores/load-store';

export function LoadChart() {
  const run = useLoadStore((s) => s.run);
  const error = useLoadStore((s) => s.error);
  if (error) return <p className="load-chart load-chart--error" role="alert">{error}</p>;
  if (!run) return null;
  const { result, proxyMode, affinity } = run;
  const failed = result.failures.reduce((n, f) => n + f.count, 0);
  const rows = [...result.perPod.map((p) => ({ name: p.pod.split('/').pop()!, count: p.count, fail: false })), ...result.failures.map((f) => ({ name: f.error, count: f.count, fail: true }))];
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <figure className="load-chart" role="figure" aria-label="Load spread">
      <figcaption>
        {result.count} requests · {proxyMode} · affinity {affinity}
        {failed ? ` · ${failed} failed` : ''}
        <button type="button" className="link-btn" onClick={() => useLoadStore.getState().cleared()}>
          Clear
        </button>
      </figcaption>
      <ul>
        {rows.map((r) => (
          <li key={r.name} className={r.fail ? 'is-fail' : undefined}>
            <span className="load-chart__name" title={r.name}>{r.name}</span>
            <span className="load-chart__bar">
              <span style={{ width: `${(r.count / max) * 100}%` }} />
            </span>
            <span className="load-chart__n">{r.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
