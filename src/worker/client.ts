/**
 * The UI's handle on the simulation: a SimApi whose calls go to the worker.
 * comlink answers calls in order, as protocol.ts promises.
 */
import { wrap } from 'comlink';
import type { SimApi } from './protocol';

export function createSimClient(): SimApi {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'sim' });
  return wrap<SimApi>(worker);
}
