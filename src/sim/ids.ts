/** UIDs and resource versions, drawn from their own seeded stream. */
import { createRng, type Rng } from './rng';

const DIGIT_HEX = '0123456789abcdef';
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (w: number): string => BYTE_HEX[w >>> 24]! + BYTE_HEX[(w >>> 16) & 255] + BYTE_HEX[(w >>> 8) & 255] + BYTE_HEX[w & 255];

export class IdSource {
  private readonly rng: Rng;
  private version = 1000;

  constructor(seed: number) {
    this.rng = createRng(seed ^ 0x5bd1e995);
  }

  /** A version-4 style UID: 32 hex digits from four draws, the version and variant digits fixed. */
  uid(): string {
    const a = this.word();
    const b = this.word();
    const c = this.word();
    const d = this.word();
    return (
      hex8(a) + '-' + BYTE_HEX[b >>> 24] + BYTE_HEX[(b >>> 16) & 255] + '-4' + DIGIT_HEX[(b >>> 8) & 15] + BYTE_HEX[b & 255] +
      '-a' + DIGIT_HEX[(c >>> 24) & 15] + BYTE_HEX[(c >>> 16) & 255] + '-' + BYTE_HEX[(c >>> 8) & 255] + BYTE_HEX[c & 255] + hex8(d)
    );
  }

  private word(): number {
    return Math.floor(this.rng.next() * 4294967296);
  }

  resourceVersion(): string {
    this.version += 1 + this.rng.int(7);
    return String(this.version);
  }
}
