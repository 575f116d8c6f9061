/** Medians of repeated runs: benchmarks report medians, never single timings. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Times `runs` calls of fn after `warmUp` untimed ones (the JIT's first compilations are not the code's speed).
 * Each timed call starts from a collected heap (with node --expose-gc, as npm run bench runs): the
 * garbage a previous call left is not charged to the next one, whose figure would then depend on when
 * the collector happened to run.
 */
export function timeRuns(runs: number, fn: () => void, warmUp = 0): number[] {
  for (let i = 0; i < warmUp; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}
