/** Says why the share link in the URL did not open; the default scenario is shown instead. */
import { useViewStore } from '../stores/view-store';

export function LinkAlert() {
  const error = useViewStore((s) => s.linkError);
  const dismiss = useViewStore((s) => s.linkErrorDismissed);
  if (!error) return null;
  return (
    <div className="link-alert" role="alert">
      <span>
        <strong>This link could not be opened.</strong> {error} The default scenario is shown instead.
      </span>
      <button type="button" className="btn btn--small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
