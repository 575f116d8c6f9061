import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

describe('nslookup (BIND, as in agnhost)', () => {
  const t = appliedShell('bb.yaml');
  const ip = () => t.sim.cluster.store.get('Service', 'default', 'web')!.spec.clusterIP!;

  it('answers a Service name through the search list; CoreDNS is authoritative, so no "Non-authoritative answer:"', () => {
    expect(t.run('kubectl exec client -- nslookup web')).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip()}\n\n`,
    );
  });

  it('reports a missing name with its NXDOMAIN and exit 1', () => {
    expect(t.run('kubectl exec client -- nslookup nope')).toBe(
      "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope: NXDOMAIN\n\ncommand terminated with exit code 1\n",
    );
  });

  it('marks answers forwarded upstream as non-authoritative', () => {
    expect(t.run('kubectl exec client -- nslookup example.com')).toContain('\nNon-authoritative answer:\nName:\texample.com\nAddress: ');
  });
});

describe('nslookup (busybox 1.36)', () => {
  const t = appliedShell('bb.yaml');

  it('asks A then AAAA for every search domain of a dot-less name and prints every reply', () => {
    const text = t.run('kubectl exec bb -- nslookup web');
    expect(text.startsWith('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.')).toBe(true);
    expect(text.split("** server can't find web.svc.cluster.local: NXDOMAIN\n\n")).toHaveLength(3);
    expect(text.endsWith("** server can't find web.cluster.local: NXDOMAIN\n\ncommand terminated with exit code 1\n")).toBe(true);
  });

  // busybox 1.33+ networking/nslookup.c send_queries: a NOERROR reply with no answer records
  // (NODATA) prints nothing but the blank line after every reply ("bind-utils 9.11.25 just says
  // nothing in this case"; the "*** Can't find NAME: No answer" line for it is busybox <= 1.32).
  // The only "No answer" line left is for a query that got no reply at all (timeouts).
  it('an empty (NODATA) AAAA reply is only a blank line, with exit 0, in the search-list case too', () => {
    const r = t.result('kubectl exec bb -- nslookup kubernetes.default.svc.cluster.local');
    expect(r.exitCode).toBe(0);
    const text = t.run('kubectl exec bb -- nslookup kubernetes.default.svc.cluster.local');
    expect(text).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n\n');
    const searched = t.run('kubectl exec bb -- nslookup kubernetes');
    expect(searched).not.toContain('No answer');
    expect(searched).toContain('Address: 10.96.0.1\n\n');
  });

  it('does not apply the search list to a dotted name; an empty AAAA reply is a blank line', () => {
    const text = t.run('kubectl exec bb -- nslookup web.default.svc.cluster.local');
    expect(text).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nName:\tweb\.default\.svc\.cluster\.local\nAddress: [\d.]+\n\n\n$/);
    expect(t.run('kubectl exec bb -- nslookup web.default')).toContain("** server can't find web.default: NXDOMAIN\n");
  });
});

// Reverse lookups. BIND: bin/dig/nslookup.c addlookup (get_reverse -> PTR), printmessage (the
// Server/Address header only for the default A lookup), printsection/printrdata ("name = ").
// busybox: networking/nslookup.c make_ptr (one PTR query, no search list), parse_reply ns_t_ptr.
// Names: coredns/coredns plugin/kubernetes/reverse.go (v1.12.0), fallthrough to forward.
describe('nslookup ADDRESS', () => {
  const t = appliedShell('bb.yaml');
  const podIP = () => t.sim.cluster.store.get('Pod', 'default', 'client')!.status.podIP!;
  const rev = (ip: string) => ip.split('.').reverse().join('.') + '.in-addr.arpa';

  it('BIND: the PTR line alone, target with its dot, no Server header', () => {
    expect(t.run('kubectl exec client -- nslookup 10.96.0.10')).toBe('10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local.\n\n');
  });

  it('BIND: an address CoreDNS has no name for is NXDOMAIN from the upstream, exit 1', () => {
    expect(t.run(`kubectl exec client -- nslookup ${podIP()}`)).toBe(`** server can't find ${rev(podIP())}: NXDOMAIN\n\ncommand terminated with exit code 1\n`);
  });

  it('busybox: header, then "NAME<TAB>name = TARGET" without the dots', () => {
    expect(t.run('kubectl exec bb -- nslookup 10.96.0.10')).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local\n\n',
    );
  });

  it('busybox: NXDOMAIN for an unknown address, exit 1', () => {
    expect(t.run(`kubectl exec bb -- nslookup ${podIP()}`)).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find ${rev(podIP())}: NXDOMAIN\n\ncommand terminated with exit code 1\n`,
    );
  });
});
