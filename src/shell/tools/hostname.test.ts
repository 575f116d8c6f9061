/**
 * hostname -f/-s/-d read the canonical name from the kubelet's /etc/hosts (k/k pkg/kubelet/kubelet_pods.go
 * managedHostsFileContent writes "<IP>\t<fqdn>\t<hostname>" for a pod with a subdomain, "<IP>\t<hostname>"
 * otherwise); busybox networking/hostname.c prints h_name for -f, cuts at the first dot for -s.
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../test-shell';
import { canonicalName } from './hostname';

const POD = (subdomain: string) => `apiVersion: v1
kind: Pod
metadata:
  name: db-0
spec:
  hostname: db-0
${subdomain}  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
`;

describe('hostname', () => {
  it('finds the first name on the line that holds the hostname', () => {
    const hosts = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n10.244.1.7\tdb-0.db.default.svc.cluster.local\tdb-0\n';
    expect(canonicalName(hosts, 'db-0')).toBe('db-0.db.default.svc.cluster.local');
    expect(canonicalName(hosts, 'other')).toBe('other');
  });

  it('prints the FQDN with a subdomain, the bare name without one', () => {
    const t = testShell({ 'a.yaml': POD('  subdomain: db\n'), 'b.yaml': POD('').replace('name: db-0', 'name: solo').replace('hostname: db-0', 'hostname: solo') });
    t.run('kubectl apply -f a.yaml');
    t.run('kubectl apply -f b.yaml');
    expect(t.run('kubectl exec db-0 -- hostname')).toBe('db-0\n');
    expect(t.run('kubectl exec db-0 -- hostname -f')).toBe('db-0.db.default.svc.cluster.local\n');
    expect(t.run('kubectl exec db-0 -- hostname -s')).toBe('db-0\n');
    expect(t.run('kubectl exec db-0 -- hostname -d')).toBe('db.default.svc.cluster.local\n');
    expect(t.run('kubectl exec solo -- hostname -f')).toBe('solo\n');
    expect(t.run('kubectl exec solo -- hostname -x')).toBe('hostname: this simulated hostname prints the name only (no option, -f, -s, -d or -i)\ncommand terminated with exit code 1\n');
  });
});
