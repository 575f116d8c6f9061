/**
 * Every write the cluster takes, in order: the controllers' watch streams. A controller
 * reads what was written since its last pass and syncs only the objects that touches,
 * as upstream informers' event handlers fill a controller's work queue, instead of
 * scanning every object on every pass.
 */
import type { KubeObject } from './model/types';

export class ChangeJournal {
  private changes: KubeObject[] = [];
  /** How many changes were dropped before changes[0]. */
  private base = 0;
  private readonly cursors = new Map<string, number>();

  record(obj: KubeObject): void {
    this.changes.push(obj);
  }

  /**
   * The objects written (created, updated, removed, or changed inside a container) since
   * `reader` last caught up, oldest first; 'all' on its first read, when it must look at
   * everything.
   */
  since(reader: string): readonly KubeObject[] | 'all' {
    const at = this.cursors.get(reader);
    if (at === undefined || at < this.base) return 'all';
    return at - this.base === this.changes.length ? [] : this.changes.slice(at - this.base);
  }

  /** The reader has acted on everything written so far, its own writes included. */
  caughtUp(reader: string): void {
    this.cursors.set(reader, this.base + this.changes.length);
  }

  /** Every reader starts over with a full pass, as controllers do when they restart and relist. */
  restartReaders(): void {
    this.cursors.clear();
    this.changes = [];
  }

  /** Drops the changes every reader has read. */
  compact(): void {
    let min = this.base + this.changes.length;
    for (const at of this.cursors.values()) min = Math.min(min, at);
    if (min > this.base) {
      this.changes = this.changes.slice(min - this.base);
      this.base = min;
    }
  }
}
