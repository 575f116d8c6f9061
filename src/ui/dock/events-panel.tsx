/** The Events tab: the cluster's events as `kubectl events -A` prints them, oldest first. */
import { usePeek } from './use-peek';

export const EVENTS_COMMAND = 'kubectl events -A';

export function EventsPanel() {
  const text = usePeek(EVENTS_COMMAND);
  return (
    <div className="dock__view">
      <div className="dock__command" aria-hidden="true">$ {EVENTS_COMMAND}</div>
      <pre className="dock__text" tabIndex={0} aria-label="Cluster events" aria-busy={text === null}>
        {text ?? ''}
      </pre>
    </div>
  );
}
