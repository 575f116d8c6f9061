/**
 * The current hop under the canvas: its number, title and key fact, wrapped
 * rather than cut, so nothing on the canvas needs a floating label over the
 * cards. "Follow packet" brings the camera back after a pan or zoom by hand.
 */
import { selectCurrentHop, useTraceStore } from '../stores/trace-store';
import { useCameraStore } from './camera-store';
import { breakable } from './breakable';
import { isDnsHop } from './hop-focus';

export function HopStrip() {
  const hop = useTraceStore(selectCurrentHop);
  const count = useTraceStore((s) => s.trace?.hops.length ?? 0);
  const follow = useCameraStore((s) => s.follow);
  if (!hop) return null;
  const tone = hop.kind === 'reject' || hop.kind === 'drop' ? 'tone-fail' : isDnsHop(hop) ? 'tone-dns' : 'tone-req';
  return (
    <div className={`hop-strip ${tone}`} role="group" aria-label="Current hop">
      <span className="hop-strip__n">
        {hop.index + 1}/{count}
      </span>
      <p className="hop-strip__text">
        <strong>{breakable(hop.title)}</strong>
        {hop.detail && <span className="hop-strip__fact"> · {breakable(hop.detail)}</span>}
      </p>
      <button
        type="button"
        className="hop-strip__follow"
        aria-pressed={follow}
        onClick={() => useCameraStore.getState().followToggled()}
        title="The camera follows the packet when the cluster is too big to read at once"
      >
        Follow packet
      </button>
    </div>
  );
}
