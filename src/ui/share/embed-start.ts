/**
 * After an embed has opened its view: the URL's `hop=N` and `autoplay=1`.
 * With neither a traced request in the link nor one to play, an option that
 * needs a trace sends the scenario's first usual request (the Share panel's
 * own embed links always carry theirs).
 */
import { sendRequest } from '../app/sim-actions';
import { defaultRequests } from '../components/request-target';
import { useClusterStore } from '../stores/cluster-store';
import { useTraceStore } from '../stores/trace-store';
import { useViewStore } from '../stores/view-store';

export async function applyEmbedOptions(): Promise<void> {
  const { hop, autoplay } = useViewStore.getState().embedOptions;
  if (hop === null && !autoplay) return;
  if (!useTraceStore.getState().trace) {
    const first = defaultRequests(useClusterStore.getState().snapshot)[0];
    if (!first) return;
    await sendRequest({ from: first.from, url: first.url });
  }
  const t = useTraceStore.getState();
  const count = t.trace?.hops.length ?? 0;
  if (count === 0) return;
  // hopSelected pauses; autoplay then plays on from that hop (or from the first).
  t.hopSelected(hop === null ? 0 : Math.min(hop, count) - 1);
  if (autoplay && useTraceStore.getState().current < count - 1) useTraceStore.getState().playToggled();
}
