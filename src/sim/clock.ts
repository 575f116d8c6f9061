/**
 * The simulation clock: seconds since the scenario started. Only `sleep N`
 * (and scenario steps) move it; AGE columns, affinity timeouts and readiness
 * delays read it.
 */
export interface Clock {
  now(): number;
  advance(seconds: number): void;
}

/** Wall-clock time the simulated cluster pretends to have started at. */
export const SIM_EPOCH_ISO = '2026-01-01T00:00:00Z';
export const SIM_EPOCH_MS = Date.parse(SIM_EPOCH_ISO);

export function createClock(start = 0): Clock {
  let t = start;
  return {
    now: () => t,
    advance: (seconds) => {
      if (seconds > 0) t += seconds;
    },
  };
}

/** RFC 3339 timestamp of a simulation time, as the API server prints it. */
export function simTimeToIso(seconds: number): string {
  return new Date(SIM_EPOCH_MS + Math.floor(seconds) * 1000).toISOString().replace('.000Z', 'Z');
}
