// The log plugin's default line (coredns plugin/log/log.go DefaultFormat, plugin/pkg/replacer {duration}),
// checked against the Debugging DNS Resolution page's example (kubernetes/website
// content/en/docs/tasks/administer-cluster/dns-debugging-resolution.md): the A query for
// kubernetes.default.svc.cluster.local. is 54 bytes without EDNS, its answer 106.
import { describe, expect, it } from 'vitest';
import { goSeconds, queryLogLine } from './query-log';
import type { DnsResponse } from './records';

const ok: DnsResponse = { rcode: 'NOERROR', authoritative: true, plugin: 'kubernetes', answers: [{ name: 'kubernetes.default.svc.cluster.local.', ttl: 30, type: 'A', data: '10.96.0.1' }], additional: [] };

describe('log plugin lines', () => {
  it('client, id, the question with its size, rcode, flags, reply size and duration', () => {
    expect(queryLogLine({ ip: '10.244.1.5', port: 41675 }, 59925, 'kubernetes.default.svc.cluster.local.', 'A', ok, 'cluster.local', 30, 66_649)).toBe(
      '[INFO] 10.244.1.5:41675 - 59925 "A IN kubernetes.default.svc.cluster.local. udp 54 false 512" NOERROR qr,aa,rd 106 0.000066649s',
    );
  });

  it("a name error carries the zone's SOA (counted in the reply); a forwarded answer has ra, not aa", () => {
    const nx: DnsResponse = { rcode: 'NXDOMAIN', authoritative: true, plugin: 'kubernetes', answers: [], additional: [] };
    // coredns/coredns#6937's log: a 72-byte question (EDNS) got a 165-byte NXDOMAIN: 93 bytes of SOA.
    expect(queryLogLine({ ip: '10.244.0.92', port: 48081 }, 26946, 'node0.pod.namespace.svc.cluster.local.', 'A', nx, 'cluster.local', 30, 76_310)).toBe(
      '[INFO] 10.244.0.92:48081 - 26946 "A IN node0.pod.namespace.svc.cluster.local. udp 55 false 512" NXDOMAIN qr,aa,rd 148 0.00007631s',
    );
    const fwd: DnsResponse = { rcode: 'NOERROR', authoritative: false, plugin: 'forward', answers: [{ name: 'example.com.', ttl: 30, type: 'A', data: '93.184.215.14' }], additional: [] };
    expect(queryLogLine({ ip: '10.244.1.5', port: 1000, edns: { optSize: 23, bufsize: 1232 } }, 7, 'example.com.', 'A', fwd, 'cluster.local', 30, 12_000_000)).toBe(
      '[INFO] 10.244.1.5:1000 - 7 "A IN example.com. udp 52 false 1232" NOERROR qr,rd,ra 79 0.012s',
    );
  });

  it("prints seconds as Go's strconv.FormatFloat(f, 'f', -1, 64)", () => {
    expect(goSeconds(167_000)).toBe('0.000167s');
    expect(goSeconds(1_500_000_000)).toBe('1.5s');
  });
});
