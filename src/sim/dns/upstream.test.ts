// The outside world behind CoreDNS's `forward . /etc/resolv.conf` (kind's Corefile, coredns/coredns
// plugin/forward). Special-use names: RFC 6761 §6.2-6.4 (test, localhost, invalid), §6.5 (example),
// RFC 6762 (local); stand-in addresses from RFC 5737's TEST-NET-2/3.
import { describe, expect, it } from 'vitest';
import { KNOWN_UPSTREAM_HOSTS, isStandInAddress, mayExistUpstream, standInAddress, upstreamAddress } from './upstream';

describe('upstream names', () => {
  it('known names keep their addresses', () => {
    expect(upstreamAddress(KNOWN_UPSTREAM_HOSTS, 'example.com')).toBe('93.184.215.14');
  });

  it('any other name under a real TLD gets a stand-in address, the same every time', () => {
    const a = upstreamAddress(KNOWN_UPSTREAM_HOSTS, 'api.github.com')!;
    expect(isStandInAddress(a)).toBe(true);
    expect(upstreamAddress(KNOWN_UPSTREAM_HOSTS, 'api.github.com')).toBe(a);
    expect(standInAddress('db.internal-corp.io')).toMatch(/^(198\.51\.100|203\.0\.113)\.([1-9]\d?|1\d\d|2[0-4]\d|25[0-4])$/);
    // Different names spread over the ranges.
    const many = new Set(['a.com', 'b.com', 'c.com', 'd.org', 'e.net', 'f.dev', 'g.io', 'h.de'].map(standInAddress));
    expect(many.size).toBeGreaterThan(5);
  });

  it('special-use TLDs, unknown TLDs and single labels cannot exist: NXDOMAIN', () => {
    for (const n of ['unknown.invalid', 'web.test', 'host.example', 'db.localhost', 'printer.local', 'web', 'web.otherns', 'a..com', 'web.example.com', 'x.example.org']) {
      expect(mayExistUpstream(n), n).toBe(false);
      expect(upstreamAddress(KNOWN_UPSTREAM_HOSTS, n), n).toBeUndefined();
    }
  });

  it('__proto__ is an ordinary name', () => {
    expect(upstreamAddress(KNOWN_UPSTREAM_HOSTS, '__proto__')).toBeUndefined();
    expect(upstreamAddress(KNOWN_UPSTREAM_HOSTS, 'constructor')).toBeUndefined();
  });
});
