/** Step through the hops, or let them play. */
import { useTraceStore } from '../stores/trace-store';

export function PlaybackControls() {
  const count = useTraceStore((s) => s.trace?.hops.length ?? 0);
  const current = useTraceStore((s) => s.current);
  const playing = useTraceStore((s) => s.playing);
  const { stepped, playToggled, hopSelected } = useTraceStore.getState();
  if (count === 0) return null;
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button type="button" className="icon-btn" aria-label="Replay from the first hop" onClick={() => { hopSelected(0); playToggled(); }}>↺</button>
      <button type="button" className="icon-btn" aria-label="Previous hop" disabled={current <= 0} onClick={() => stepped(-1)}>◀</button>
      <button type="button" className="icon-btn icon-btn--primary" aria-label={playing ? 'Pause' : 'Play'} onClick={playToggled}>{playing ? '❚❚' : '▶'}</button>
      <button type="button" className="icon-btn" aria-label="Next hop" disabled={current >= count - 1} onClick={() => stepped(1)}>▶|</button>
      <span className="playback__pos" aria-label={`hop ${current + 1} of ${count}`}>{current + 1} / {count}</span>
    </div>
  );
}
