/**
 * ClusterIP allocation from the service subnet. Dynamic picks prefer the
 * upper part of the range; the lower "static" band is used only when the
 * upper part is full (KEP-3070).
 * Mirrors k/k pkg/registry/core/service/ipallocator (bitmap.go) and
 * pkg/registry/core/service/allocator/bitmap.go (randomScanStrategyWithOffset).
 */
import type { Rng } from '../rng';
import { cidrContains, cidrSize, formatIPv4, parseIPv4, type Cidr } from '../net/ip';

export type AllocateError = 'mismatched-network' | 'not-in-range' | 'allocated' | 'full';

/** calculateRangeOffset (k/k ipallocator): min(max(16, cidrSize/16), 256), and 0 for ranges of 16 or fewer addresses. */
export function clusterIPStaticBand(cidrSize: number): number {
  if (cidrSize <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(cidrSize / 16)), 256);
}

export class ClusterIPAllocator {
  private readonly used = new Set<number>();
  /** Usable offsets are 1 .. size-2 (network and broadcast are never handed out). */
  private readonly max: number;
  private readonly staticBand: number;

  constructor(readonly cidr: Cidr, private readonly rng: Rng) {
    this.max = cidrSize(cidr) - 2;
    this.staticBand = clusterIPStaticBand(cidrSize(cidr));
  }

  /**
   * The detail text the API server appends after "failed to allocate IP <ip>: ".
   * With MultiCIDRServiceAllocator (GA, on by default in v1.33) an address outside
   * every ServiceCIDR fails in MetaAllocator.getAllocator with ErrMismatchedNetwork;
   * the network and broadcast addresses of the range fail with ErrNotInRange.
   */
  static errorText(err: AllocateError, cidr: Cidr, ipText = ''): string {
    if (err === 'allocated') return 'provided IP is already allocated';
    if (err === 'full') return 'range is full';
    if (err === 'mismatched-network') return 'the provided network does not match the current range';
    return `the provided IP (${ipText}) is not in the valid range. The range of valid IPs is ${cidr.text}`;
  }

  allocate(ipText: string): AllocateError | null {
    const ip = parseIPv4(ipText);
    if (ip === undefined || !cidrContains(this.cidr, ip)) return 'mismatched-network';
    const offset = ip - this.cidr.base;
    if (offset < 1 || offset > this.max) return 'not-in-range';
    if (this.used.has(offset)) return 'allocated';
    this.used.add(offset);
    return null;
  }

  allocateNext(): string | null {
    const upper = this.scan(this.staticBand + 1, this.max);
    const offset = upper ?? this.scan(1, this.staticBand);
    if (offset === null) return null;
    this.used.add(offset);
    return formatIPv4(this.cidr.base + offset);
  }

  release(ipText: string): void {
    const ip = parseIPv4(ipText);
    if (ip !== undefined) this.used.delete(ip - this.cidr.base);
  }

  isAllocated(ipText: string): boolean {
    const ip = parseIPv4(ipText);
    return ip !== undefined && this.used.has(ip - this.cidr.base);
  }

  /** A random start in [lo, hi], then the first free offset scanning upward with wrap-around. */
  private scan(lo: number, hi: number): number | null {
    const count = hi - lo + 1;
    if (count <= 0) return null;
    const start = this.rng.int(count);
    for (let i = 0; i < count; i++) {
      const offset = lo + ((start + i) % count);
      if (!this.used.has(offset)) return offset;
    }
    return null;
  }
}
