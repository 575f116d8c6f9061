/** UIDs and resource versions, drawn from their own seeded stream. */
import { createRng, type Rng } from './rng';

export class IdSource {
  private readonly rng: Rng;
  private version = 1000;

  constructor(seed: number) {
    this.rng = createRng(seed ^ 0x5bd1e995);
  }

  uid(): string {
    let hex = '';
    for (let i = 0; i < 4; i++) hex += Math.floor(this.rng.next() * 4294967296).toString(16).padStart(8, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  resourceVersion(): string {
    this.version += 1 + this.rng.int(7);
    return String(this.version);
  }
}
