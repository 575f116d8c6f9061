/** "Present": large type, high contrast, captions and keyboard playback for a classroom. */
import { useViewStore } from '../stores/view-store';

export function PresenterToggle() {
  const on = useViewStore((s) => s.presenter);
  const toggle = useViewStore((s) => s.presenterToggled);
  return (
    <button type="button" className="btn btn--quiet" aria-pressed={on} title="Presenter mode: Space play/pause, ← → step, Home reset, + − speed" onClick={toggle}>
      Present
    </button>
  );
}
