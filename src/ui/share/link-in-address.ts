/**
 * A share link stays in the address bar once it has opened: a reload or a
 * bookmark gives the same view. The first change to the work (the scenario,
 * the cluster through the terminal, the clock, the saved requests) replaces it
 * with the plain address, since the link no longer says what is on screen and
 * the saved work now restores it. Watching other requests or stepping through
 * the hops is not a change.
 */
import { useRequestStore } from '../stores/request-store';
import { useScenarioStore } from '../stores/scenario-store';
import { useSessionLogStore } from '../stores/session-log-store';

let stop: (() => void) | null = null;

export function plainAddress(): string {
  return `${location.pathname}${location.search}`;
}

/** Call once the link's view is on screen; a later link opened in the tab starts over. */
export function keepLinkUntilChanged(): void {
  stop?.();
  const link = location.hash;
  const drop = (): void => {
    stop?.();
    if (location.hash === link) history.replaceState(history.state, '', plainAddress());
  };
  const unsubs = [
    useScenarioStore.subscribe((s, prev) => {
      if (s.text !== prev.text || s.clusterConfig !== prev.clusterConfig || s.seed !== prev.seed) drop();
    }),
    useRequestStore.subscribe((s, prev) => {
      if (s.saved !== prev.saved) drop();
    }),
    useSessionLogStore.subscribe((s, prev) => {
      const added = s.ops.length > prev.ops.length ? s.ops.slice(prev.ops.length) : [];
      if (added.some((op) => op.op !== 'trace' && op.op !== 'send')) drop();
    }),
  ];
  stop = () => {
    unsubs.forEach((u) => u());
    stop = null;
  };
}
