/** Presenter mode's captions: the current hop's "why", large, at the bottom of the screen. */
import { selectCurrentHop, useTraceStore } from '../stores/trace-store';

export function Captions() {
  const hop = useTraceStore(selectCurrentHop);
  const count = useTraceStore((s) => s.trace?.hops.length ?? 0);
  return (
    <section className="captions" aria-label="Captions" aria-live="polite">
      {hop ? (
        <>
          <p className="captions__title">
            <span className="captions__n">{hop.index + 1}/{count}</span> {hop.title}
          </p>
          <p className="captions__why">{hop.why}</p>
        </>
      ) : (
        <p className="captions__why">Send a request, then press Space to play, ← → to step, Home to start over, + − for speed.</p>
      )}
    </section>
  );
}
