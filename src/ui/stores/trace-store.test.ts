// The reply and the saved request's badge wait for the packet: they show once playback
// (timer, stepping or a jump) reaches the last hop, as curl prints its body only once the
// reply has come back.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Hop, TraceView } from '../../sim/view/snapshot';
import { requestKey, useRequestStore } from './request-store';
import { useTraceStore } from './trace-store';

function trace(hops: number, ok = true): TraceView {
  const hop = (index: number): Hop => ({ index, kind: 'send', from: 'a', to: 'b', actor: 'client', title: `hop ${index}`, detail: '', decidedBy: null, why: '' });
  return { request: { from: 'default/client', url: 'http://web/' }, hops: Array.from({ length: hops }, (_, i) => hop(i)), ok, result: 'web-1' };
}

const key = requestKey({ from: 'default/client', url: 'http://web/' });
const s = () => useTraceStore.getState();

beforeEach(() => {
  s().cleared();
  useRequestStore.setState({ results: {} });
});

describe('arrival', () => {
  it('playback: not at hop 1, only when the timer reaches the last hop', () => {
    s().traceReceived(trace(3));
    expect(s().arrived).toBe(false);
    expect(useRequestStore.getState().results[key]).toBeUndefined();
    s().advanced();
    expect(s().arrived).toBe(false);
    s().advanced();
    expect(s().current).toBe(2);
    expect(s().arrived).toBe(true);
    expect(useRequestStore.getState().results[key]).toBe(true);
  });

  it('stepping: the same rule; stepping back after arrival keeps the reply', () => {
    s().traceReceived(trace(3, false));
    s().stepped(1);
    expect(s().arrived).toBe(false);
    s().stepped(5);
    expect(s().arrived).toBe(true);
    expect(useRequestStore.getState().results[key]).toBe(false);
    s().stepped(-1);
    expect(s().arrived).toBe(true);
  });

  it('a jump to the last hop (a share link replayed there) arrives at once; Reset and a replay hide it again', () => {
    s().traceReceived(trace(4));
    s().hopSelected(3);
    expect(s().arrived).toBe(true);
    s().reset();
    expect(s().arrived).toBe(false);
    s().hopSelected(3);
    s().playToggled();
    expect(s().current).toBe(0);
    expect(s().arrived).toBe(false);
  });

  it('a one-hop trace has arrived when it comes', () => {
    s().traceReceived(trace(1));
    expect(s().arrived).toBe(true);
  });
});
