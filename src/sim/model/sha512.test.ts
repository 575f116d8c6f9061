// FIPS 180-4 SHA-512, checked against node:crypto (the test may use Node; the core may not).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha512Hex } from './sha512';

describe('sha512Hex', () => {
  it('matches the FIPS 180-2 "abc" vector and node:crypto on several lengths', () => {
    expect(sha512Hex('abc')).toBe('ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f');
    for (const s of ['', 'a'.repeat(111), 'a'.repeat(112), 'a'.repeat(300), '.:53 {\n    errors\n}\n', 'é✓']) {
      expect(sha512Hex(s)).toBe(createHash('sha512').update(s, 'utf8').digest('hex'));
    }
  });
});
