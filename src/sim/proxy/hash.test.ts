import { describe, expect, it } from 'vitest';
import { base32Std, sha256, toHex, utf8Bytes } from './hash';

const hex = (s: string) => toHex(sha256(utf8Bytes(s)));
const ascii = (s: string) => utf8Bytes(s);

describe('sha256 (FIPS 180-4 test vectors)', () => {
  it('hashes the empty string', () => {
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
  it('hashes "abc"', () => {
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('hashes the two-block 448-bit message', () => {
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
  it('hashes a message whose padding spills into a second block (56..63 bytes)', () => {
    expect(hex('a'.repeat(60))).toBe('11ee391211c6256460b6ed375957fadd8061cafbb31daf967db875aebd5aaad4');
  });
});

describe('utf8Bytes', () => {
  it('encodes multi-byte code points', () => {
    expect(Array.from(utf8Bytes('é€😀'))).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  });
});

describe('base32Std (RFC 4648 section 10 vectors)', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ];
  for (const [input, output] of cases) {
    it(`encodes ${JSON.stringify(input)}`, () => expect(base32Std(ascii(input))).toBe(output));
  }
  it('encodes a 32-byte digest to 56 characters with 4 pad characters', () => {
    const s = base32Std(new Uint8Array(32).fill(0xff));
    expect(s).toHaveLength(56);
    expect(s).toBe('7'.repeat(51) + 'Q====');
  });
});
