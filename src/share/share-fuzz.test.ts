import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from './base64url';
import { decodeFragment, encodeFragment } from './share-link';
import type { ShareState } from './share-state';

const settles = async (fragment: string): Promise<boolean> => {
  const r = await decodeFragment(fragment);
  return typeof r.ok === 'boolean' && (r.ok || typeof r.error.message === 'string');
};

const request = fc.record({ from: fc.string({ maxLength: 40 }), url: fc.string({ maxLength: 80 }) });
const state: fc.Arbitrary<ShareState> = fc.record({
  scenario: fc.record({ yaml: fc.string({ maxLength: 400 }), clusterConfig: fc.option(fc.string({ maxLength: 100 })), seed: fc.nat() }),
  savedRequests: fc.array(fc.record({ from: fc.string({ maxLength: 40 }), url: fc.string({ maxLength: 80 }), name: fc.string({ maxLength: 20 }) }), { maxLength: 5 }),
  request: fc.option(request),
  hop: fc.integer({ min: -1, max: 50 }),
  view: fc.record({
    selected: fc.option(fc.string({ maxLength: 30 })),
    presenter: fc.boolean(),
    theme: fc.constantFrom('light' as const, 'dark' as const, 'system' as const),
    tableView: fc.boolean(),
  }),
});

describe('share link decoding never throws', () => {
  it('on random strings', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), settles), { numRuns: 300 });
  });

  it('on random v1 payloads', async () => {
    await fc.assert(fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9_-]{0,200}$/), (p) => settles(`#v1=${p}`)), { numRuns: 300 });
  });

  it('on random bytes, deflated', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), (b) => settles(`#v1=${toBase64Url(deflateRawSync(b))}`)), { numRuns: 200 });
  });

  it('on random JSON, deflated', async () => {
    await fc.assert(fc.asyncProperty(fc.json(), (j) => settles(`#v1=${toBase64Url(deflateRawSync(Buffer.from(j)))}`)), { numRuns: 300 });
  });

  it('and every valid state round-trips', async () => {
    await fc.assert(
      fc.asyncProperty(state, async (s) => {
        const r = await decodeFragment(await encodeFragment(s));
        expect(r.ok && r.state).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });
});
