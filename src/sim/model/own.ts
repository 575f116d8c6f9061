/**
 * Keys that come from input (a label, a flag, an apiVersion, a patch path) are looked up and
 * written as own properties only, so that `constructor`, `toString` or `__proto__` are keys
 * like any other and never reach Object.prototype (a Go map has no prototype to reach).
 */

/** record[key] when the record itself holds the key. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether the record itself holds the key (Go's `_, ok := m[key]`). */
export function hasOwn(record: object | undefined | null, key: string): boolean {
  return record !== undefined && record !== null && Object.hasOwn(record, key);
}

/** record[key] = value as an own data property, `__proto__` included (assigning it would set the prototype). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}
