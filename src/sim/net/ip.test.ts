import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrAddress, cidrContains, cidrSize, formatIPv4, isIPv4, isIPv6, parseCidr, parseIPv4, subnetAt } from './ip';

describe('parseIPv4 / formatIPv4', () => {
  it('round-trips every 32-bit value (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
      expect(parseIPv4(formatIPv4(n))).toBe(n);
    }));
  });

  it('parses dotted quads to unsigned integers', () => {
    expect(parseIPv4('10.96.0.1')).toBe(0x0a600001);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIPv4('0.0.0.0')).toBe(0);
  });

  it.each(['10.96.0', '10.96.0.1.2', '256.0.0.1', '10.96.0.x', '', '10..0.1', '1.2.3.4 ', '-1.2.3.4'])('rejects %j', (text) => {
    expect(parseIPv4(text)).toBeUndefined();
    expect(isIPv4(text)).toBe(false);
  });
});

describe('parseCidr', () => {
  it('normalises the base to the network address', () => {
    expect(parseCidr('10.96.12.7/16')).toEqual({ base: parseIPv4('10.96.0.0'), bits: 16, text: '10.96.0.0/16' });
  });

  it.each(['10.96.0.0', '10.96.0.0/33', '10.96.0.0/x', '10.96.0/16', '10.96.0.0/'])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  it('knows its size and membership', () => {
    const c = parseCidr('10.244.1.0/24')!;
    expect(cidrSize(c)).toBe(256);
    expect(cidrContains(c, parseIPv4('10.244.1.255')!)).toBe(true);
    expect(cidrContains(c, parseIPv4('10.244.2.0')!)).toBe(false);
    expect(formatIPv4(cidrAddress(c, 10))).toBe('10.244.1.10');
    expect(cidrSize(parseCidr('0.0.0.0/0')!)).toBe(2 ** 32);
    expect(cidrContains(parseCidr('0.0.0.0/0')!, parseIPv4('203.0.113.9')!)).toBe(true);
  });
});

describe('subnetAt (node IPAM carving)', () => {
  it('gives kind nodes consecutive /24s of 10.244.0.0/16', () => {
    const pod = parseCidr('10.244.0.0/16')!;
    expect([0, 1, 2].map((i) => subnetAt(pod, 24, i).text)).toEqual(['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24']);
  });

  it('every carved subnet lies inside the parent and they do not overlap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 24 }), fc.integer({ min: 0, max: 8 }), (bits, extra) => {
        const parent = parseCidr(`10.0.0.0/${bits}`)!;
        const childBits = bits + extra;
        const count = Math.min(2 ** extra, 16);
        const subs = Array.from({ length: count }, (_, i) => subnetAt(parent, childBits, i));
        for (const s of subs) {
          expect(cidrContains(parent, s.base)).toBe(true);
          expect(cidrContains(parent, s.base + cidrSize(s) - 1)).toBe(true);
        }
        expect(new Set(subs.map((s) => s.base)).size).toBe(subs.length);
      }),
    );
  });
});

// What Go's net.ParseIP (via k8s.io/utils/net ParseIPSloppy) takes as IPv6: apimachinery
// pkg/util/validation/ip.go parseIP accepts these for spec.clusterIPs.
describe('isIPv6', () => {
  it('takes full, compressed and IPv4-tailed forms', () => {
    for (const ok of ['2001:db8::ffff', '::1', '::', 'fe80:0:0:0:0:0:0:abc', '::ffff:1.2.3.4', '1::']) expect(isIPv6(ok), ok).toBe(true);
  });
  it('refuses what net.ParseIP refuses', () => {
    for (const bad of ['x', '1:2', ':::', '1::2::3', '12345::', '1:2:3:4:5:6:7:8:9', '::1.2.3', '10.9.8.7']) expect(isIPv6(bad), bad).toBe(false);
  });
});
