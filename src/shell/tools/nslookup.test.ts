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

  it('does not apply the search list to a dotted name; an empty AAAA reply is a blank line', () => {
    const text = t.run('kubectl exec bb -- nslookup web.default.svc.cluster.local');
    expect(text).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nName:\tweb\.default\.svc\.cluster\.local\nAddress: [\d.]+\n\n\n$/);
    expect(t.run('kubectl exec bb -- nslookup web.default')).toContain("** server can't find web.default: NXDOMAIN\n");
  });
});
