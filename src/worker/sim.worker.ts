/**
 * The Web Worker entry: the simulation core runs here, off the UI thread,
 * behind the SimApi of protocol.ts (exposed with comlink).
 */
import { expose } from 'comlink';
import { createSession } from './session';

// The worker's name is its lock's (client.ts): held for as long as the worker
// lives, so the page learns at once when it is gone.
const scope = globalThis as unknown as { name: string; postMessage(message: unknown): void };
const [lock, flag] = scope.name.split('#');
if (lock && typeof navigator !== 'undefined' && navigator.locks) {
  void navigator.locks.request(lock, () => {
    scope.postMessage({ type: 'sim:alive' });
    return new Promise<never>(() => {});
  });
}

// The end-to-end tests' hung call, only for a worker started with the test flag.
if (flag === 'test') {
  addEventListener('message', (e: MessageEvent) => {
    const data = e.data as { type?: string; ms?: number } | null;
    if (data?.type !== 'sim-test:hang') return;
    e.stopImmediatePropagation();
    const end = Date.now() + (data.ms ?? 0);
    while (Date.now() < end) {
      // busy, as a core stuck in a loop would be
    }
  });
}

expose(createSession());
