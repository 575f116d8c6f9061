/**
 * NodePort allocation from --service-node-port-range (default 30000-32767),
 * preferring the upper band (KEP-3668).
 * Mirrors k/k pkg/registry/core/service/portallocator/allocator.go.
 */
import type { Rng } from '../rng';

export type PortAllocateError = 'not-in-range' | 'allocated' | 'full';

/** calculateRangeOffset (k/k portallocator): min(max(16, size/32), 128), and 0 for ranges of 16 or fewer ports. */
export function nodePortStaticBand(size: number): number {
  if (size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 32)), 128);
}

export class NodePortAllocator {
  private readonly used = new Set<number>();
  private readonly staticBand: number;

  constructor(readonly min: number, readonly max: number, private readonly rng: Rng) {
    const size = max - min + 1;
    this.staticBand = nodePortStaticBand(size);
  }

  static errorText(err: PortAllocateError, min: number, max: number): string {
    if (err === 'allocated') return 'provided port is already allocated';
    if (err === 'full') return 'range is full';
    return `provided port is not in the valid range. The range of valid ports is ${min}-${max}`;
  }

  allocate(port: number): PortAllocateError | null {
    if (port < this.min || port > this.max) return 'not-in-range';
    if (this.used.has(port)) return 'allocated';
    this.used.add(port);
    return null;
  }

  allocateNext(): number | null {
    const port = this.scan(this.min + this.staticBand, this.max) ?? this.scan(this.min, this.min + this.staticBand - 1);
    if (port !== null) this.used.add(port);
    return port;
  }

  release(port: number): void {
    this.used.delete(port);
  }

  private scan(lo: number, hi: number): number | null {
    const count = hi - lo + 1;
    if (count <= 0) return null;
    const start = this.rng.int(count);
    for (let i = 0; i < count; i++) {
      const port = lo + ((start + i) % count);
      if (!this.used.has(port)) return port;
    }
    return null;
  }
}
