/**
 * The current hop in two lines under the canvas, for the compact layouts
 * (an embed, a phone's graph tab): "Hop 3 of 7 · title", then its why.
 */
import { selectCurrentHop, useTraceStore } from '../stores/trace-store';
import { HopCounter } from './hop-counter';

export function HopCaption() {
  const hop = useTraceStore(selectCurrentHop);
  if (!hop) return null;
  return (
    <section className="hop-caption" aria-label="Hop caption">
      <p className="hop-caption__title">
        <HopCounter className="hop-caption__n" /> {hop.title}
      </p>
      <p className="hop-caption__why">{hop.why}</p>
    </section>
  );
}
