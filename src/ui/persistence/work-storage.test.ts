import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../share/share-state';
import { parseWork, readWork, sameWork, writeWork, type SavedWork } from './work-storage';

class FakeStorage {
  data = new Map<string, string>();
  failWith: DOMException | null = null;
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.failWith) throw this.failWith;
    this.data.set(k, v);
  }
}

const work: SavedWork = { yaml: 'kind: Pod\n', clusterConfig: null, seed: 7, savedRequests: [{ name: 'r', from: 'client', url: 'http://web/' }] };
const storageOf = (s: FakeStorage) => () => s as unknown as Storage;

describe('work storage', () => {
  it('writes and reads back the same work, with the tab that wrote it', () => {
    const s = new FakeStorage();
    expect(writeWork(storageOf(s), 'k', { ...work, tab: 't1', savedAt: 5 })).toEqual({ ok: true });
    const read = readWork(storageOf(s), 'k');
    expect(read.work).toEqual({ ...work, tab: 't1', savedAt: 5 });
    expect(sameWork(read.work!, work)).toBe(true);
  });

  it('refuses a scenario too big to be read back, and says how big', () => {
    const s = new FakeStorage();
    const out = writeWork(storageOf(s), 'k', { ...work, yaml: 'x'.repeat(LIMITS.yamlChars + 40_000) });
    expect(out).toMatchObject({ ok: false, problem: 'too-big' });
    expect(!out.ok && out.message).toBe('Not saved: the scenario is 296 KiB, over the 256 KiB this browser keeps. Your edits stay in this tab only.');
    expect(s.data.size).toBe(0);
  });

  it('says when the storage is full', () => {
    const s = new FakeStorage();
    s.failWith = new DOMException('quota', 'QuotaExceededError');
    expect(writeWork(storageOf(s), 'k', work)).toMatchObject({ ok: false, problem: 'full', message: expect.stringContaining('storage for this page is full') });
  });

  it('says when the storage is blocked, even when merely reaching it throws', () => {
    const s = new FakeStorage();
    s.failWith = new DOMException('denied', 'SecurityError');
    expect(writeWork(storageOf(s), 'k', work)).toMatchObject({ ok: false, problem: 'blocked' });
    const blocked = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(writeWork(blocked, 'k', work)).toMatchObject({ ok: false, problem: 'blocked' });
    expect(readWork(blocked, 'k')).toEqual({ work: null });
  });

  it('an unreadable saved work is reported with its text, not thrown', () => {
    expect(parseWork('{not json')).toMatchObject({ work: null, raw: '{not json' });
    const tooBig = JSON.stringify({ ...work, yaml: 'x'.repeat(LIMITS.yamlChars + 1) });
    const read = parseWork(tooBig);
    expect('unreadable' in read && read.unreadable).toMatch(/longer than/);
  });

  it('tells different works apart', () => {
    expect(sameWork(work, { ...work, seed: 8 })).toBe(false);
    expect(sameWork(work, { ...work, savedRequests: [] })).toBe(false);
  });
});
