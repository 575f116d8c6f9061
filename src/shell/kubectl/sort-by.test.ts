/**
 * --sort-by as staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go orders objects:
 * RuntimeSort.Less, isLess (numbers, natural string order via fvbommel/sortorder,
 * quantities), and Go's sort.Sort, an insertion sort for up to 12 items.
 */
import { describe, expect, it } from 'vitest';
import { naturalLess, sortObjects } from './sort-by';

const names = (r: ReturnType<typeof sortObjects<Record<string, unknown>>>) => ('error' in r ? r.error : r.sorted.map((d) => (d.metadata as { name: string }).name));
const pod = (name: string, extra: Record<string, unknown> = {}) => ({ metadata: { name }, ...extra });

describe('naturalLess (sortorder.NaturalLess)', () => {
  it('compares digit runs as numbers and puts digits before other characters', () => {
    expect(naturalLess('web-2', 'web-10')).toBe(true);
    expect(naturalLess('web-10', 'web-2')).toBe(false);
    expect(naturalLess('10.244.1.3', '10.244.10.2')).toBe(true);
    expect(naturalLess('a1', 'ab')).toBe(true);
    expect(naturalLess('a01', 'a1')).toBe(false);
    expect(naturalLess('a', 'ab')).toBe(true);
  });
});

describe('sortObjects', () => {
  it('orders by the path, relaxed as RelaxedJSONPathExpression allows (.a.b, a.b, {.a.b})', () => {
    const docs = [pod('b', { n: 10 }), pod('c', { n: 2 }), pod('a', { n: 7 })];
    expect(names(sortObjects(docs, (d) => d, '.metadata.name'))).toEqual(['a', 'b', 'c']);
    expect(names(sortObjects(docs, (d) => d, 'n'))).toEqual(['c', 'a', 'b']);
    expect(names(sortObjects(docs, (d) => d, '{.n}'))).toEqual(['c', 'a', 'b']);
  });

  it('puts objects without the field first, latest first (Less is true for them), and fails when none has it', () => {
    const docs = [pod('x'), pod('b', { ip: '10.0.0.2' }), pod('y'), pod('a', { ip: '10.0.0.1' })];
    expect(names(sortObjects(docs, (d) => d, '.ip'))).toEqual(['y', 'x', 'a', 'b']);
    expect(names(sortObjects(docs, (d) => d, '.nope'))).toBe('couldn\'t find any field with path "{.nope}" in the list of objects');
    expect(names(sortObjects([], (d) => d, '.nope'))).toEqual([]);
  });

  it('compares quantities by value', () => {
    const docs = [pod('a', { q: '1Gi' }), pod('b', { q: '500Mi' }), pod('c', { q: '2' })];
    expect(names(sortObjects(docs, (d) => d, '.q'))).toEqual(['c', 'b', 'a']);
  });
});
