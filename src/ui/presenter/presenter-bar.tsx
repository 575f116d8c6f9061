/**
 * Presenter mode's slim bar, in place of the top bar: the playback controls
 * and the hop counter, fullscreen (F) and Exit (Esc), theme and Share. One
 * row that fits a 1280 px projector, so the canvas keeps the height.
 */
import { TransportBar } from '../components/transport-bar';
import { ShareButton } from '../share/share-button';
import { useViewStore } from '../stores/view-store';
import { ThemeToggle } from '../theme/theme-toggle';
import { toggleFullscreen, useFullscreen } from './fullscreen';
import { HopCounter } from './hop-counter';

function exit(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  useViewStore.getState().presenterToggled();
}

export function PresenterBar() {
  const fullscreen = useFullscreen();
  return (
    <header className="presenter-bar">
      <span className="presenter-bar__title">
        <span className="top-bar__logo" aria-hidden="true" />
        <span className="presenter-bar__name">Services, seen from inside</span>
      </span>
      <TransportBar />
      <HopCounter className="presenter-bar__hop" />
      <div className="presenter-bar__actions">
        <ThemeToggle />
        <ShareButton />
        <button type="button" className="btn btn--quiet" aria-label="Fullscreen (F)" aria-pressed={fullscreen} onClick={toggleFullscreen}>
          Fullscreen <kbd>F</kbd>
        </button>
        <button type="button" className="btn btn--quiet" aria-label="Exit presenter mode (Esc)" onClick={exit}>
          Exit <kbd>Esc</kbd>
        </button>
      </div>
    </header>
  );
}
