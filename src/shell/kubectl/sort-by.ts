/**
 * kubectl get --sort-by=PATH: orders objects by the first value the path finds in each.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go (SortObjects, RuntimeSort.Less,
 * isLess, NewTableSorter) and github.com/fvbommel/sortorder NaturalLess.
 * Departure: Go's sort.Sort is an insertion sort only up to 12 items (pdqsort beyond);
 * here it is always the insertion sort, so ties and missing fields order as Go's do for
 * the short lists a learner has, and deterministically for longer ones.
 */
import { findResults } from '../print/jsonpath';
import { parseJsonPath } from '../print/jsonpath-parse';
import { relaxedJsonPath, type Json } from '../print/templates';

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** sortorder.NaturalLess: digit runs compare as numbers, digits sort before other characters. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const d1 = isDigit(a[i]);
    const d2 = isDigit(b[j]);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (a[i] !== b[j]) return a[i]! < b[j]!;
      i++;
      j++;
      continue;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    const n1 = i;
    const n2 = j;
    while (isDigit(a[i])) i++;
    while (isDigit(b[j])) j++;
    if (i - n1 !== j - n2) return i - n1 < j - n2;
    const r1 = a.slice(n1, i);
    const r2 = b.slice(n2, j);
    if (r1 !== r2) return r1 < r2;
    if (n1 !== n2) return n1 < n2;
  }
  return a.length < b.length;
}

const SUFFIX: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** resource.ParseQuantity, as far as ordering needs: "100m", "1Gi", "5", "1e3". */
function quantity(s: string): number | undefined {
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]! + (m[2] ?? '')) * SUFFIX[m[3] ?? '']!;
}

/** isLess on what a JSON-decoded object holds (int64, float64, string; others cannot be ordered). */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a !== null ? false : b !== null;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = quantity(a);
    const qb = quantity(b);
    return qa !== undefined && qb !== undefined ? qa < qb : naturalLess(a, b);
  }
  return false;
}

/**
 * Sorts objects by PATH; an error when no object has the field at all
 * (`couldn't find any field with path "{.x}" in the list of objects`).
 */
export function sortObjects<T>(items: T[], docOf: (item: T) => Json, sortBy: string): { sorted: T[] } | { error: string } {
  const relaxed = relaxedJsonPath(sortBy);
  const field = 'error' in relaxed ? sortBy : relaxed.path;
  const parsed = parseJsonPath(field);
  if ('error' in parsed) return { error: `sorting error: ${parsed.error}` };
  const keyed = items.map((item) => {
    const groups = findResults(parsed.nodes, JSON.parse(JSON.stringify(docOf(item))) as unknown, { allowMissingKeys: true });
    const first = groups[0];
    return { item, has: first !== undefined && first.length > 0, value: first?.[0] };
  });
  if (items.length > 0 && !keyed.some((k) => k.has)) return { error: `couldn't find any field with path "${field}" in the list of objects` };
  // RuntimeSort.Less: an object without the field is less than anything, even another without it.
  const less = (x: (typeof keyed)[number], y: (typeof keyed)[number]): boolean => (!x.has ? true : !y.has ? false : isLess(x.value, y.value));
  for (let i = 1; i < keyed.length; i++) {
    for (let j = i; j > 0 && less(keyed[j]!, keyed[j - 1]!); j--) [keyed[j], keyed[j - 1]] = [keyed[j - 1]!, keyed[j]!];
  }
  return { sorted: keyed.map((k) => k.item) };
}
