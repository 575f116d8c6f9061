/**
 * Hostile share states: objects with prototype-shaped keys (__proto__,
 * constructor, prototype) at every depth, wrong types, huge numbers, in links
 * of every version. Decoding never throws, never touches Object.prototype,
 * and a state that opens holds only the fields ShareState knows.
 */
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from './base64url';
import { decodeFragment } from './share-link';

const RUNS = Number(process.env.FC_RUNS ?? 10_000);
const HOSTILE_KEYS = ['__proto__', 'polluted', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'lesson', 'history', 'scenario', 'view'];

/** JSON text whose objects may carry the hostile keys as own keys (as JSON.parse makes them). */
const hostileJson: fc.Arbitrary<string> = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom('null', 'true', '0', '-1', '1e309', '2147483648', '"x"', '""', '[]', '{}'),
      fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
      fc.array(tie('value'), { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`),
      fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), tie('value')), { maxLength: 4 })
        .map((kvs) => `{${kvs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
    ),
  }))
  .value;

const KNOWN = new Set(['scenario', 'savedRequests', 'request', 'hop', 'history', 'traceOp', 'lesson', 'view']);

describe('hostile share states', () => {
  it(`decode to a typed answer, leave Object.prototype alone, and keep only known fields (${RUNS} runs)`, async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort().join();
    await fc.assert(
      fc.asyncProperty(hostileJson, fc.constantFrom(1, 2, 3), async (json, version) => {
        const r = await decodeFragment(`#v${version}=${toBase64Url(deflateRawSync(Buffer.from(json)))}`);
        expect(typeof r.ok).toBe('boolean');
        if (r.ok) for (const k of Object.keys(r.state)) expect(KNOWN.has(k)).toBe(true);
        else expect(typeof r.error.message).toBe('string');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, seed: 7 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(before);
  }, 120_000);
});
