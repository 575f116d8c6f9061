// ClusterIP and NodePort allocators: k/k pkg/registry/core/service/ipallocator (bitmap.go, ipallocator.go,
// interfaces.go, cidrallocator.go) and portallocator/allocator.go; static bands per KEP-3070 / KEP-3668.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCidr, parseIPv4 } from '../net/ip';
import { createRng } from '../rng';
import { ClusterIPAllocator, clusterIPStaticBand } from './cluster-ip-allocator';
import { NodePortAllocator, nodePortStaticBand } from './node-port-allocator';

const cidr16 = parseCidr('10.96.0.0/16')!;
const offsetOf = (ip: string) => parseIPv4(ip)! - cidr16.base;

describe('ClusterIP static band (calculateRangeOffset: min(max(16, size/16), 256))', () => {
  it.each([
    [16, 0],
    [256, 16],
    [1024, 64],
    [4096, 256],
    [65536, 256],
  ])('a range of %i addresses reserves %i', (size, band) => {
    expect(clusterIPStaticBand(size)).toBe(band);
  });

  it('dynamic picks in a /16 avoid the lower 256 addresses while the upper band has room', () => {
    const a = new ClusterIPAllocator(cidr16, createRng(1));
    for (let i = 0; i < 200; i++) expect(offsetOf(a.allocateNext()!)).toBeGreaterThan(256);
  });

  it('falls back to the static band only when the upper band is full', () => {
    const cidr = parseCidr('10.96.0.0/24')!; // 254 usable, band 16
    const a = new ClusterIPAllocator(cidr, createRng(2));
    const got = Array.from({ length: 254 }, () => parseIPv4(a.allocateNext()!)! - cidr.base);
    expect(got.slice(0, 238).every((o) => o > 16)).toBe(true);
    expect(got.slice(238).sort((x, y) => x - y)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(a.allocateNext()).toBeNull();
  });

  it('never hands out the network or broadcast address of a tiny range', () => {
    const cidr = parseCidr('10.96.0.0/28')!;
    const a = new ClusterIPAllocator(cidr, createRng(3));
    const got = Array.from({ length: 14 }, () => a.allocateNext());
    expect(new Set(got).size).toBe(14);
    expect(got).not.toContain('10.96.0.0');
    expect(got).not.toContain('10.96.0.15');
    expect(a.allocateNext()).toBeNull();
  });
});

describe('ClusterIP pinned allocation errors', () => {
  it('outside the ServiceCIDR: ErrMismatchedNetwork (MultiCIDRServiceAllocator, on in v1.33)', () => {
    const a = new ClusterIPAllocator(cidr16, createRng(1));
    expect(a.allocate('10.97.0.5')).toBe('mismatched-network');
    expect(ClusterIPAllocator.errorText('mismatched-network', cidr16)).toBe('the provided network does not match the current range');
  });

  it('network and broadcast addresses are not in the valid range', () => {
    const a = new ClusterIPAllocator(cidr16, createRng(1));
    expect(a.allocate('10.96.0.0')).toBe('not-in-range');
    expect(a.allocate('10.96.255.255')).toBe('not-in-range');
    expect(a.allocate('10.96.255.254')).toBeNull();
  });

  it('a taken address is ErrAllocated until released', () => {
    const a = new ClusterIPAllocator(cidr16, createRng(1));
    expect(a.allocate('10.96.0.10')).toBeNull();
    expect(a.allocate('10.96.0.10')).toBe('allocated');
    expect(ClusterIPAllocator.errorText('allocated', cidr16)).toBe('provided IP is already allocated');
    a.release('10.96.0.10');
    expect(a.isAllocated('10.96.0.10')).toBe(false);
    expect(a.allocate('10.96.0.10')).toBeNull();
  });
});

describe('NodePort allocator', () => {
  it.each([
    [16, 0],
    [100, 16],
    [2768, 86],
    [10000, 128],
  ])('a range of %i ports reserves a static band of %i (min(max(16, size/32), 128))', (size, band) => {
    expect(nodePortStaticBand(size)).toBe(band);
  });

  it('dynamic picks in 30000-32767 stay above 30085 while the upper band has room', () => {
    const a = new NodePortAllocator(30000, 32767, createRng(5));
    for (let i = 0; i < 300; i++) expect(a.allocateNext()!).toBeGreaterThanOrEqual(30086);
  });

  it('pinned ports: range and allocated errors name the range', () => {
    const a = new NodePortAllocator(30000, 32767, createRng(5));
    expect(a.allocate(80)).toBe('not-in-range');
    expect(NodePortAllocator.errorText('not-in-range', 30000, 32767)).toBe('provided port is not in the valid range. The range of valid ports is 30000-32767');
    expect(a.allocate(30080)).toBeNull();
    expect(a.allocate(30080)).toBe('allocated');
    expect(NodePortAllocator.errorText('allocated', 30000, 32767)).toBe('provided port is already allocated');
  });

  it('hands out every port of a small range exactly once (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 60 }), (seed, size) => {
        const a = new NodePortAllocator(30000, 30000 + size - 1, createRng(seed));
        const got = Array.from({ length: size }, () => a.allocateNext());
        expect(new Set(got).size).toBe(size);
        expect(got.every((p) => p !== null && p >= 30000 && p < 30000 + size)).toBe(true);
        expect(a.allocateNext()).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});
