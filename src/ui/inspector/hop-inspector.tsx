/** Under the hop list: the current hop in full. */
import { selectCurrentHop, useTraceStore } from '../stores/trace-store';
import { HopDetail } from './hop-detail';

export function HopInspector() {
  const hop = useTraceStore(selectCurrentHop);
  const current = useTraceStore((s) => s.current);
  if (!hop) return null;
  return (
    <section className="hop-inspector" role="region" aria-label="Hop inspector">
      <h3 className="hop-inspector__title">
        Hop {current + 1} · {hop.actor}
      </h3>
      <HopDetail hop={hop} />
    </section>
  );
}
