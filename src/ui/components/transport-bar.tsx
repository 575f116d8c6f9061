/**
 * The transport bar under the panes: reset, step back, play or pause, step
 * forward, a timeline with one tick per hop, and the speed. The current
 * hop's why is read out in a live region, one sentence per hop.
 */
import { SPEEDS, useTraceStore } from '../stores/trace-store';
import { HopTimeline } from './hop-timeline';
import './transport-bar.css';

export function TransportBar() {
  const hops = useTraceStore((s) => s.trace?.hops);
  const current = useTraceStore((s) => s.current);
  const playing = useTraceStore((s) => s.playing);
  const speed = useTraceStore((s) => s.speed);
  const { stepped, playToggled, hopSelected, reset, speedChanged } = useTraceStore.getState();
  const count = hops?.length ?? 0;
  const hop = hops?.[current];
  const none = count === 0;
  return (
    <section className="transport-bar" role="toolbar" aria-label="Playback">
      <div className="transport-bar__buttons">
        <button type="button" className="icon-btn" aria-label="Reset" title="Reset to the first hop" disabled={none} onClick={reset}>↺</button>
        <button type="button" className="icon-btn" aria-label="Step back" title="Step back" disabled={none || current <= 0} onClick={() => stepped(-1)}>◀</button>
        <button type="button" className="icon-btn icon-btn--primary icon-btn--big" aria-label={playing ? 'Pause' : 'Play'} title={playing ? 'Pause' : 'Play'} disabled={none} onClick={playToggled}>
          {playing ? '❚❚' : '▶'}
        </button>
        <button type="button" className="icon-btn" aria-label="Step forward" title="Step forward" disabled={none || current >= count - 1} onClick={() => stepped(1)}>▶|</button>
      </div>
      {hops && count > 0 ? (
        <HopTimeline hops={hops} current={current} onChoose={hopSelected} />
      ) : (
        <span className="transport-bar__empty">Send a request to play its packet hop by hop.</span>
      )}
      <span className="transport-bar__pos">{count ? `${current + 1} / ${count}` : '–'}</span>
      <label className="transport-bar__speed">
        Speed
        <select aria-label="Speed" value={speed} onChange={(e) => speedChanged(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>{s}×</option>
          ))}
        </select>
      </label>
      <p className="sr-only" role="status" aria-label="Hop narration">
        {hop ? `Hop ${current + 1} of ${count}: ${hop.why}` : ''}
      </p>
    </section>
  );
}
