/**
 * A multimap from 30-bit hashes to values, by open addressing (linear probing over an
 * Int32Array of keys). Several values may share a key; removing one leaves a tombstone,
 * so a flow whose reply changes (a reused port, another backend) costs two slot writes,
 * where a Map would delete, insert at its end and keep rehashing under such churn.
 * Iteration order is the slots', not insertion: callers that list keep their own order.
 */
const EMPTY = -1;
const TOMBSTONE = -2;
const MIN_CAPACITY = 16;

export class SlotTable<V> {
  private keys = new Int32Array(MIN_CAPACITY).fill(EMPTY);
  private values: (V | undefined)[] = new Array<V | undefined>(MIN_CAPACITY);
  /** Live slots. */
  private live = 0;
  /** Live slots plus tombstones: what probing has to walk past. */
  private used = 0;

  /** The slot of the first value under `key`, or -1 (walk on with `next`, read with `at`). */
  first(key: number): number {
    return this.scan(key, key & (this.keys.length - 1));
  }

  /** The slot of the next value under `key` after `slot`, or -1. */
  next(key: number, slot: number): number {
    return this.scan(key, (slot + 1) & (this.keys.length - 1));
  }

  at(slot: number): V {
    return this.values[slot]!;
  }

  // Values under one key sit between its home slot and the next empty slot.
  private scan(key: number, from: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = from; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === EMPTY) return -1;
      if (k === key) return i;
    }
  }

  add(key: number, value: V): void {
    if ((this.used + 1) * 4 > this.keys.length * 3) this.resize(this.live + 1);
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = key & mask;
    while (keys[i]! >= 0) i = (i + 1) & mask;
    if (keys[i] === EMPTY) this.used++;
    keys[i] = key;
    this.values[i] = value;
    this.live++;
  }

  /** Removes this value's slot under `key`; false when it is not there. */
  remove(key: number, value: V): boolean {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === EMPTY) return false;
      if (k === key && this.values[i] === value) {
        keys[i] = TOMBSTONE;
        this.values[i] = undefined;
        this.live--;
        return true;
      }
    }
  }

  /** Every (key, value) slot, in slot order. */
  *slots(): IterableIterator<[number, V]> {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i]! >= 0) yield [this.keys[i]!, this.values[i]!];
  }

  /** Rebuilds at a size where `live` slots fill at most half of it, dropping tombstones. */
  private resize(live: number): void {
    let capacity = MIN_CAPACITY;
    while (capacity < live * 2) capacity *= 2;
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.values = new Array<V | undefined>(capacity);
    this.live = 0;
    this.used = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i]! >= 0) this.add(oldKeys[i]!, oldValues[i]!);
  }
}
