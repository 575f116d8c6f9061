import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, KUBE_NAME_ALPHABET } from './rng';

describe('createRng', () => {
  it('the same seed gives the same stream (property)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let i = 0; i < 20; i++) expect(a.next()).toBe(b.next());
        expect(a.state()).toEqual(b.state());
      }),
    );
  });

  it('different seeds give different streams', () => {
    const a = Array.from({ length: 5 }, ((r) => () => r.next())(createRng(1)));
    const b = Array.from({ length: 5 }, ((r) => () => r.next())(createRng(2)));
    expect(a).not.toEqual(b);
  });

  it('next() is in [0, 1) and int(n) in [0, n) (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const r = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const x = r.next();
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
          const k = r.int(n);
          expect(Number.isInteger(k)).toBe(true);
          expect(k).toBeGreaterThanOrEqual(0);
          expect(k).toBeLessThan(n);
        }
      }),
    );
  });

  it('int(n) reaches every value of a small range', () => {
    const r = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(r.int(6));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('string() draws only from the alphabet, at the asked length', () => {
    const r = createRng(3);
    for (let i = 0; i < 100; i++) {
      const s = r.string(5, KUBE_NAME_ALPHABET);
      expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    }
  });
});

describe('KUBE_NAME_ALPHABET', () => {
  // apimachinery pkg/util/rand/rand.go: alphanums = "bcdfghjklmnpqrstvwxz2456789"
  it('is apimachinery util/rand alphanums: no vowels, no 0/1/3', () => {
    expect(KUBE_NAME_ALPHABET).toBe('bcdfghjklmnpqrstvwxz2456789');
    expect(KUBE_NAME_ALPHABET).toHaveLength(27);
  });
});
