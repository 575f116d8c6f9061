// The conntrack tables' multimap: whatever the order of adds and removes (and the
// resizes they cause), it holds exactly what a plain list of (key, value) pairs holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlotTable } from './slot-table';

type Op = { add: boolean; key: number; value: number };

function valuesUnder(table: SlotTable<number>, key: number): number[] {
  const out: number[] = [];
  for (let slot = table.first(key); slot >= 0; slot = table.next(key, slot)) out.push(table.at(slot));
  return out.sort((a, b) => a - b);
}

describe('SlotTable', () => {
  it('holds the same pairs as a list, through adds, removes and resizes', () => {
    // Few distinct keys, so several values share a key and probe chains cross each other.
    const op = fc.record({ add: fc.boolean(), key: fc.integer({ min: 0, max: 40 }).map((k) => k * 1_000_003 & 0x3fffffff), value: fc.integer({ min: 0, max: 30 }) });
    fc.assert(fc.property(fc.array(op, { maxLength: 400 }), (ops: Op[]) => {
      const table = new SlotTable<number>();
      const pairs: [number, number][] = [];
      for (const o of ops) {
        if (o.add) {
          table.add(o.key, o.value);
          pairs.push([o.key, o.value]);
        } else {
          const i = pairs.findIndex(([k, v]) => k === o.key && v === o.value);
          expect(table.remove(o.key, o.value)).toBe(i >= 0);
          if (i >= 0) pairs.splice(i, 1);
        }
      }
      for (const key of new Set(ops.map((o) => o.key))) {
        expect(valuesUnder(table, key)).toEqual(pairs.filter(([k]) => k === key).map(([, v]) => v).sort((a, b) => a - b));
      }
      expect([...table.slots()].map(([k, v]) => `${k}:${v}`).sort()).toEqual(pairs.map(([k, v]) => `${k}:${v}`).sort());
    }));
  });

  it('keeps working when the same key is added and removed many times (tombstones are reclaimed)', () => {
    const table = new SlotTable<string>();
    for (let i = 0; i < 10_000; i++) {
      table.add(7, `v${i}`);
      expect(table.remove(7, `v${i}`)).toBe(true);
    }
    table.add(7, 'last');
    expect(table.at(table.first(7))).toBe('last');
    expect(table.next(7, table.first(7))).toBe(-1);
  });
});
