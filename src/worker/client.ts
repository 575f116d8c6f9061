/**
 * The UI's handle on the simulation: a SimApi whose calls go to the worker,
 * supervised (supervisor.ts): each call has a deadline, and a worker that
 * dies or overruns is replaced and rebuilt from the session's history.
 * comlink answers calls in order, as protocol.ts promises.
 */
import { wrap } from 'comlink';
import type { SimApi } from './protocol';
import { SimSupervisor, type SimEndpoint, type SupervisorOptions } from './supervisor';

export { SimLostError, type SimSupervisor, type SupervisorEvent } from './supervisor';

/** What the end-to-end tests may do to a worker (only with the test flag, see sim.worker.ts). */
export interface TestableEndpoint extends SimEndpoint {
  /** Ends the worker behind the supervisor's back, as a crash would. */
  kill(): void;
  /** Keeps the worker busy for `ms`, as a call that never ends would. */
  hang(ms: number): void;
}

let workers = 0;

/**
 * A worker, and its death noticed: the worker holds a Web Lock for as long
 * as it lives; the page asks for the same lock, which it is granted only when
 * the worker is gone (a crash, an out-of-memory kill, a terminate). Browsers
 * without Web Locks fall back on the deadlines alone.
 */
export function startWorker(died: () => void, test = false): TestableEndpoint {
  const lock = `k8s-sim-worker-${Date.now().toString(36)}-${++workers}-${Math.random().toString(36).slice(2)}`;
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: `${lock}${test ? '#test' : ''}` });
  let ended = false;
  const onMessage = (e: MessageEvent): void => {
    if ((e.data as { type?: string } | null)?.type !== 'sim:alive') return;
    worker.removeEventListener('message', onMessage);
    void navigator.locks.request(lock, () => {
      if (!ended) died();
    });
  };
  if (typeof navigator !== 'undefined' && navigator.locks) worker.addEventListener('message', onMessage);
  // A worker script that fails to load, or throws at its top level, answers nothing.
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    died();
  });
  return {
    api: wrap<SimApi>(worker),
    terminate: () => {
      ended = true;
      worker.terminate();
    },
    kill: () => worker.terminate(),
    hang: (ms) => worker.postMessage({ type: 'sim-test:hang', ms }),
  };
}

/**
 * The supervised client the UI uses; `test` lets the end-to-end tests kill and hang its
 * workers, and `hangFirstMs` keeps the first worker busy from its start (its first call overruns).
 */
export function createSupervisedClient(options: Omit<SupervisorOptions, 'factory'> & { test?: boolean; hangFirstMs?: number }): SimSupervisor {
  let first = true;
  return new SimSupervisor({
    ...options,
    factory: (died) => {
      const endpoint = startWorker(died, options.test === true);
      if (first && options.test && options.hangFirstMs) endpoint.hang(options.hangFirstMs);
      first = false;
      return endpoint;
    },
  });
}
