/**
 * Memoised rule walks. A walk through a rendered ruleset is a pure function of the
 * packet's addresses and of the random draws `-m statistic` (or nft's numgen) makes on
 * the way, so its outcome can be stored in a trie keyed by the draws' outcomes: a later
 * packet of the same path draws the same random numbers in the same order and follows
 * the trie to the stored outcome, consuming exactly the draws a full walk would. On a
 * miss the full walk runs, replaying the draws already made, and its result is inserted.
 * Walks that touch dynamic kernel state (xt_recent / affinity sets) or read the source
 * port are not cached: their outcome is not a function of the key.
 * This is the simulator's speed-up, not a kernel behaviour: results are identical.
 */

export interface Draw {
  value: number;
  /** The rule matched when value < threshold. */
  threshold: number;
}

export interface Recorded<T> {
  result: T;
  draws: Draw[];
  cacheable: boolean;
}

interface TrieNode<T> {
  threshold?: number;
  below?: TrieNode<T>;
  above?: TrieNode<T>;
  leaf?: T;
}

const MAX_KEYS = 50_000;

export class WalkCache<T> {
  // Keys are looked up part by part (no key string is built per packet).
  private readonly tree = new Map<unknown, unknown>();
  private size = 0;

  private rootsFor(key: readonly unknown[]): Map<unknown, TrieNode<T> | null> {
    let m = this.tree;
    for (let i = 0; i < key.length - 1; i++) {
      let next = m.get(key[i]) as Map<unknown, unknown> | undefined;
      if (!next) m.set(key[i], (next = new Map()));
      m = next;
    }
    return m as Map<unknown, TrieNode<T> | null>;
  }

  /** The walk's outcome for `key`, drawing from `random` as the full walk would. */
  walk(key: readonly unknown[], random: () => number, full: (random: () => number) => Recorded<T>): T {
    const roots = this.rootsFor(key);
    const leafKey = key[key.length - 1];
    let node = roots.get(leafKey);
    if (node === null) return full(random).result;
    const drawn: number[] = [];
    while (node) {
      if (node.leaf !== undefined) return node.leaf;
      if (node.threshold === undefined) break;
      const r = random();
      drawn.push(r);
      node = r < node.threshold ? node.below : node.above;
    }
    let i = 0;
    const rec = full(() => (i < drawn.length ? drawn[i++]! : random()));
    if (!rec.cacheable) {
      roots.set(leafKey, null);
      return rec.result;
    }
    if (++this.size > MAX_KEYS) {
      this.tree.clear();
      this.size = 0;
      return rec.result;
    }
    let at = roots.get(leafKey);
    if (!at) roots.set(leafKey, (at = {}));
    for (const d of rec.draws) {
      at.threshold = d.threshold;
      const side = d.value < d.threshold ? 'below' : 'above';
      at = at[side] ?? (at[side] = {});
    }
    at.leaf = rec.result;
    return rec.result;
  }
}
