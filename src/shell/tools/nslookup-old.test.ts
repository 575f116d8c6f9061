import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

// busybox 1.28's networking/nslookup.c (mirror/busybox, tag 1_28_4): print_host() prints
// printf("%-10s %s\n", header, hostname) then "Address %u: %s" with the reverse name
// getnameinfo finds; server_print() does the same for the nameserver, then a blank line.
// The names go through libc's getaddrinfo, so resolv.conf's search list and ndots:5 apply:
// kubernetes.io's "Debugging DNS Resolution" and "DNS for Services and Pods" pages relied on
// this when they used busybox:1.28.
describe('nslookup (busybox 1.28)', () => {
  const t = appliedShell();
  t.run('kubectl run old --image=busybox:1.28 --restart=Never -- sleep 3600');
  t.run('kubectl run new --image=busybox:1.36 --restart=Never -- sleep 3600');

  it('resolves kubernetes.default through the search list, in the 1.28 format', () => {
    expect(t.run('kubectl exec old -- nslookup kubernetes.default')).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        'Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
    );
  });

  it('prints a Service name as typed, with its reverse name', () => {
    const ip = t.sim.cluster.store.get('Service', 'default', 'web')!.spec.clusterIP!;
    expect(t.stdout('kubectl exec old -- nslookup web')).toContain(`Name:      web\nAddress 1: ${ip} web.default.svc.cluster.local\n`);
  });

  it("says can't resolve on stderr for a missing name, exit 1", () => {
    const r = t.result('kubectl exec old -- nslookup nope');
    expect(r.exitCode).toBe(1);
    expect(r.chunks.map((c) => c.text).join('')).toBe(
      "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nnslookup: can't resolve 'nope'\ncommand terminated with exit code 1\n",
    );
  });

  it('has no options: an argument starting with - shows the usage (bb_show_usage, exit 1)', () => {
    const r = t.result('kubectl exec old -- nslookup -type=a web');
    expect(r.exitCode).toBe(1);
    expect(t.run('kubectl exec old -- nslookup -type=a web')).toContain('Usage: nslookup [HOST] [SERVER]\n');
  });

  // busybox >= 1.29 (networking/nslookup.c add_query_with_search): a name with a dot is sent
  // as is, so kubernetes.default goes upstream and fails: the reason the docs pinned 1.28.
  it('newer busybox does not search a dotted name', () => {
    expect(t.run('kubectl exec new -- nslookup kubernetes.default')).toContain("** server can't find kubernetes.default: NXDOMAIN\n");
  });
});

// busybox networking/hostname.c: -i prints the addresses gethostbyname finds for the host
// name (the kubelet's /etc/hosts maps it to the pod IP), space-separated, then '\n'.
describe('hostname -i', () => {
  const t = appliedShell('bb.yaml');
  it('prints the pod IP, not the name', () => {
    const pod = t.sim.cluster.store.get('Pod', 'default', 'bb')!;
    expect(t.run('kubectl exec bb -- hostname -i')).toBe(`${pod.status.podIP}\n`);
    expect(t.run('kubectl exec bb -- hostname')).toBe('bb\n');
  });
});
