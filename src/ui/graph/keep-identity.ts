/**
 * Structural sharing between two layouts: an element equal to the previous
 * layout's element of the same id is replaced by that previous object. React
 * Flow re-renders a card or a line only when its object changes, so an edit
 * re-renders what it changed, not all 300 pods. Each snapshot arrives as a
 * fresh copy from the worker, so equality is by value.
 */
export function keepIdentity<T extends { id: string }>(previous: readonly T[], next: T[]): T[] {
  if (previous.length === 0) return next;
  const before = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const out = next.map((item, i) => {
    const old = before.get(item.id);
    const kept = old !== undefined && sameValue(old, item) ? old : item;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  // Nothing changed at all: the previous array itself, so its users skip their work too.
  return changed ? out : (previous as T[]);
}

/** Deep equality of plain data (what a layout is made of: objects, arrays, strings, numbers, booleans, null). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameValue(v, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}
