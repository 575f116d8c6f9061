/** Under the hop list: the current hop in full (focusable, so a keyboard scrolls it). */
import { selectCurrentHop, useTraceStore } from '../stores/trace-store';
import { HopDetail } from './hop-detail';

export function HopInspector() {
  const hop = useTraceStore(selectCurrentHop);
  const current = useTraceStore((s) => s.current);
  if (!hop) return null;
  return (
    <section className="hop-inspector" role="region" aria-label="Hop inspector" tabIndex={0}>
      <h3 className="hop-inspector__title">
        <span className="hop-inspector__n">Hop {current + 1}</span> · {hop.actor}
      </h3>
      <HopDetail hop={hop} />
    </section>
  );
}
