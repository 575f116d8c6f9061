import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keepIdentity, sameValue } from './keep-identity';
import { layout } from './layout';
import { snapshot as layoutFixture } from './layout-fixtures';

describe('keepIdentity', () => {
  it('keeps the previous object of every element whose value did not change, and takes the changed ones', () => {
    const before = [
      { id: 'a', data: { port: 80, names: ['x'] } },
      { id: 'b', data: { port: 81, names: ['y'] } },
    ];
    const after = [
      { id: 'a', data: { port: 80, names: ['x'] } },
      { id: 'b', data: { port: 82, names: ['y'] } },
    ];
    const kept = keepIdentity(before, after);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).toBe(after[1]);
  });

  it('returns the previous array itself when nothing changed, and a new one when an element comes or goes', () => {
    const before = [{ id: 'a', v: 1 }];
    expect(keepIdentity(before, [{ id: 'a', v: 1 }])).toBe(before);
    const grown = keepIdentity(before, [{ id: 'a', v: 1 }, { id: 'b', v: 2 }]);
    expect(grown).not.toBe(before);
    expect(grown[0]).toBe(before[0]);
    expect(keepIdentity(before, [])).toEqual([]);
  });

  it('keeps the new order even when every element is kept', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const kept = keepIdentity([a, b], [{ id: 'b' }, { id: 'a' }]);
    expect(kept).toEqual([b, a]);
    expect(kept[0]).toBe(b);
  });

  it('the same snapshot laid out twice gives back the very same node and edge objects', () => {
    const snapshot = layoutFixture();
    const first = layout(snapshot);
    const again = layout(structuredClone(snapshot));
    expect(keepIdentity(first.nodes, again.nodes)).toBe(first.nodes);
    expect(keepIdentity(first.edges, again.edges)).toBe(first.edges);
  });

  it('is value equality: the kept list always equals the new one', () => {
    const item = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), v: fc.jsonValue() });
    fc.assert(
      fc.property(fc.uniqueArray(item, { selector: (i) => i.id }), fc.uniqueArray(item, { selector: (i) => i.id }), (before, after) => {
        const copy = structuredClone(after);
        expect(keepIdentity(before, after)).toEqual(copy);
      }),
    );
  });
});

describe('sameValue', () => {
  it('tells plain data apart by value', () => {
    expect(sameValue({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameValue({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(sameValue({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
  });
});
