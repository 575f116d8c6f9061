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
  private readonly roots = new Map<string, TrieNode<T> | null>();

  /** The walk's outcome for `key`, drawing from `random` as the full walk would. */
  walk(key: string, random: () => number, full: (random: () => number) => Recorded<T>): T {
    let node = this.roots.get(key);
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
      this.roots.set(key, null);
      return rec.result;
    }
    if (this.roots.size > MAX_KEYS) this.roots.clear();
    let at = this.roots.get(key);
    if (!at) this.roots.set(key, (at = {}));
    for (const d of rec.draws) {
      at.threshold = d.threshold;
      const side = d.value < d.threshold ? 'below' : 'above';
      at = at[side] ?? (at[side] = {});
    }
    at.leaf = rec.result;
    return rec.result;
  }
}
