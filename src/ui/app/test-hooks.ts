/**
 * The end-to-end tests' handle on the simulation worker, on `window.__simTest`,
 * installed only when the page's address has `?simtest=1`: kill the worker as a
 * crash would, keep it busy as a hung call would, shorten the deadlines
 * (`&deadline=MS`), hang the first worker from its start (`&hangfirst=MS`).
 */
import type { SimSupervisor, TestableEndpoint } from '../../worker/client';

export interface SimTestHooks {
  killWorker(): void;
  hangWorker(ms: number): void;
  setDeadline(ms: number | null): void;
  busy(): boolean;
}

declare global {
  interface Window {
    __simTest?: SimTestHooks;
  }
}

export const testHooksWanted = (): boolean => typeof location !== 'undefined' && new URLSearchParams(location.search).get('simtest') === '1';

/** `&hangfirst=MS` (with the test flag): the first worker is busy from its start, so the boot's load overruns. */
export const firstWorkerHang = (): number => (testHooksWanted() ? Number(new URLSearchParams(location.search).get('hangfirst')) || 0 : 0);

export function installTestHooks(supervisor: SimSupervisor): void {
  // `&deadline=MS` shortens every deadline from the first call on (the boot's load included).
  const deadline = Number(new URLSearchParams(location.search).get('deadline'));
  if (deadline > 0) supervisor.setDeadline(deadline);
  const endpoint = (): TestableEndpoint | null => supervisor.current as TestableEndpoint | null;
  window.__simTest = {
    killWorker: () => endpoint()?.kill(),
    hangWorker: (ms) => endpoint()?.hang(ms),
    setDeadline: (ms) => supervisor.setDeadline(ms),
    busy: () => supervisor.busy,
  };
}
