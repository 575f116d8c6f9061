import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flightStops, hopPath, pointOnHop } from './hop-path';

const point = fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) });

describe('the packet flight', () => {
  it('starts at the hop start and lands on its end', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const stops = flightStops(a, b);
        expect(stops[0]!.x).toBeCloseTo(a.x, 6);
        expect(stops[0]!.y).toBeCloseTo(a.y, 6);
        expect(stops.at(-1)!.x).toBeCloseTo(b.x, 6);
        expect(stops.at(-1)!.y).toBeCloseTo(b.y, 6);
      }),
    );
  });

  it('follows the drawn curve: its midpoint is the quadratic curve midpoint, from the control point in hopPath', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 200, y: 0 };
    const [, cx, cy] = /Q (\S+) (\S+)/.exec(hopPath(a, b))!.map(Number);
    const mid = pointOnHop(a, b, 0.5);
    expect(mid.x).toBeCloseTo((a.x + 2 * cx! + b.x) / 4, 1);
    expect(mid.y).toBeCloseTo((a.y + 2 * cy! + b.y) / 4, 1);
    // Bowed to the left of the direction of travel (screen y grows downwards).
    expect(mid.y).toBeLessThan(0);
  });

  it('eases: the stops are closer together at the ends than in the middle', () => {
    const stops = flightStops({ x: 0, y: 0 }, { x: 1000, y: 0 });
    const step = (i: number) => Math.hypot(stops[i + 1]!.x - stops[i]!.x, stops[i + 1]!.y - stops[i]!.y);
    expect(step(0)).toBeLessThan(step(11) / 5);
    expect(step(stops.length - 2)).toBeLessThan(step(11) / 5);
  });

  it('a hop that stays in place loops and comes back to its point', () => {
    const a = { x: 50, y: 50 };
    const stops = flightStops(a, a);
    expect(Math.max(...stops.map((p) => Math.hypot(p.x - a.x, p.y - a.y)))).toBeGreaterThan(20);
    expect(stops.at(-1)!.x).toBeCloseTo(a.x, 6);
    expect(stops.at(-1)!.y).toBeCloseTo(a.y, 6);
  });
});
