/** UIDs and resource versions, drawn from their own seeded stream. */
import { createRng, type Rng } from './rng';

const HEX_CODES = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const DASH = 45;
const FOUR = 52;
const LETTER_A = 97;
/** The character code of the hex digit of `w` at bit `shift`. */
const h = (w: number, shift: number): number => HEX_CODES[(w >>> shift) & 15]!;

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
    // One string built from its 36 character codes (no intermediate strings).
    return String.fromCharCode(
      h(a, 28), h(a, 24), h(a, 20), h(a, 16), h(a, 12), h(a, 8), h(a, 4), h(a, 0), DASH,
      h(b, 28), h(b, 24), h(b, 20), h(b, 16), DASH,
      FOUR, h(b, 8), h(b, 4), h(b, 0), DASH,
      LETTER_A, h(c, 24), h(c, 20), h(c, 16), DASH,
      h(c, 12), h(c, 8), h(c, 4), h(c, 0), h(d, 28), h(d, 24), h(d, 20), h(d, 16), h(d, 12), h(d, 8), h(d, 4), h(d, 0),
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
