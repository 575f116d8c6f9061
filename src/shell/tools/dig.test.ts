// BIND dig against CoreDNS. Reply sizes: CoreDNS's server wraps every reply in a ScrubWriter
// (coredns/coredns request/request.go Scrub), which calls miekg/dns Msg.Truncate (msg_truncate.go):
// a reply that fits the client's buffer uncompressed is sent with Compress = false, so dig's
// ";; MSG SIZE  rcvd:" is the uncompressed size, OPT record with the echoed cookie included.
import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';
import { messageSize } from './dig';

const rcvd = (text: string) => Number(/;; MSG SIZE {2}rcvd: (\d+)/.exec(text)?.[1]);

describe('dig: MSG SIZE is the uncompressed reply', () => {
  it('matches the figure a real kind cluster gives for kubernetes.default (12 + 42 + 52 + 23 = 129)', () => {
    const q = 'kubernetes.default.svc.cluster.local.';
    expect(messageSize(q, [{ name: q, ttl: 30, type: 'A', data: '10.96.0.1' }])).toBe(129);
    const t = appliedShell();
    expect(rcvd(t.run('kubectl exec client -- dig kubernetes.default.svc.cluster.local'))).toBe(129);
  });

  it('spells out every owner name: SRV with its additional A record', () => {
    const t = appliedShell();
    // 12 + question (50 + 4) + SRV (50 + 10 + 6 + 40) + A (40 + 10 + 4) + OPT 23
    expect(rcvd(t.run('kubectl exec client -- dig SRV _dns._udp.kube-dns.kube-system.svc.cluster.local'))).toBe(249);
  });

  it('headless Service: every A record carries the full name', () => {
    const t = testShell({
      'hl.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: hl\nspec:\n  clusterIP: None\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
    });
    t.run('kubectl apply -f app.yaml');
    t.run('kubectl apply -f hl.yaml');
    const out = t.run('kubectl exec client -- dig hl.default.svc.cluster.local');
    const n = (out.match(/\tA\t/g) ?? []).length;
    expect(n).toBeGreaterThan(1);
    // hl.default.svc.cluster.local. is 30 bytes on the wire: question 34, each A 30 + 14.
    expect(rcvd(out)).toBe(12 + 34 + n * 44 + 23);
  });

  it('ExternalName: the CNAME and the chased answer are both uncompressed', () => {
    const q = 'ext.default.svc.cluster.local.';
    // CNAME: 31 + 10 + rdata "db.example.com." 16; no A behind it (upstream does not know it).
    expect(messageSize(q, [{ name: q, ttl: 30, type: 'CNAME', data: 'db.example.com.' }])).toBe(12 + 35 + 57 + 23);
  });

  it('NXDOMAIN with the zone SOA keeps its size (nothing to compress against the question but the zone)', () => {
    const t = appliedShell();
    // 12 + question 36 + SOA (cluster.local. 15 + 10 + rdata 22 + 26 + 20) + OPT 23
    expect(rcvd(t.run('kubectl exec client -- dig nope.default.svc.cluster.local'))).toBe(164);
  });
});

// dig -x: bind9 bin/dig/dig.c ("-x" sets a PTR lookup of get_reverse's name, bin/dig/dighost.c);
// answers from coredns/coredns plugin/kubernetes/reverse.go (CoreDNS v1.12.0), fallthrough to forward.
describe('dig -x', () => {
  it('asks PTR for the reversed name; CoreDNS answers authoritatively with ttl 30', () => {
    const t = appliedShell();
    const text = t.run('kubectl exec client -- dig -x 10.96.0.10');
    expect(text).toContain('; <<>> DiG 9.18.33 <<>> -x 10.96.0.10\n');
    expect(text).toContain(';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ');
    expect(text).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n');
    expect(text).toContain(';; QUESTION SECTION:\n;10.0.96.10.in-addr.arpa.\tIN\tPTR\n');
    expect(text).toContain(';; ANSWER SECTION:\n10.0.96.10.in-addr.arpa. 30\tIN\tPTR\tkube-dns.kube-system.svc.cluster.local.\n');
    // 12 + question (25 + 4) + PTR (25 + 10 + 40) + OPT 23, uncompressed
    expect(rcvd(text)).toBe(139);
  });

  it('+short prints the target alone', () => {
    const t = appliedShell();
    expect(t.run('kubectl exec client -- dig +short -x 10.96.0.10')).toBe('kube-dns.kube-system.svc.cluster.local.\n');
    const ip = t.sim.cluster.store.get('Service', 'default', 'web')!.spec.clusterIP!;
    expect(t.run(`kubectl exec client -- dig -x ${ip} +short`)).toBe('web.default.svc.cluster.local.\n');
  });

  it('a pod IP without an endpoint hostname is forwarded: NXDOMAIN from the upstream, not authoritative', () => {
    const t = appliedShell();
    const ip = t.sim.cluster.store.get('Pod', 'default', 'client')!.status.podIP!;
    const text = t.run(`kubectl exec client -- dig -x ${ip}`);
    expect(text).toContain('status: NXDOMAIN');
    expect(text).toContain(';; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n');
    expect(text).not.toContain('WARNING: recursion requested');
    expect(text).toContain(';; AUTHORITY SECTION:\n10.in-addr.arpa.\t30\tIN\tSOA\tprisoner.iana.org. hostmaster.root-servers.org. 1 604800 60 604800 604800\n');
    expect(t.run(`kubectl exec client -- dig +short -x ${ip}`)).toBe('');
  });
});
