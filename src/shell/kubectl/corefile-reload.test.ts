// Editing the coredns ConfigMap changes what CoreDNS does once the kubelet has synced the volume and
// the reload plugin has noticed (coredns plugin/reload: 30s +/- 7.5s; k/k pkg/kubelet/pod_workers.go: 60-90s
// resync), whichever way the learner writes it: apply, replace, patch, create --dry-run | apply.
// Lines: coredns/caddy caddy.go Restart ("[INFO] Reloading", "[INFO] Reloading complete"), plugin/reload,
// plugin/log (DefaultFormat), plugin/hosts; kubectl's replace.go ("replaced").
import { describe, expect, it } from 'vitest';
import { corefile } from '../../sim/scenario/system-configmaps';
import { testShell } from '../test-shell';

const WITH_HOSTS = corefile('cluster.local').replace('.:53 {\n', '.:53 {\n    log\n    hosts {\n       10.1.2.3 db.internal\n       fallthrough\n    }\n');
const cmYaml = (text: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\ndata:\n  Corefile: |\n${text.replace(/^(?=.)/gm, '    ')}`;
const LOG_LINE = /^\[INFO\] 10\.244\.\d+\.\d+:\d+ - \d+ "A IN db\.internal\. udp 29 false 512" NOERROR qr,aa,rd 56 0\.000\d+s$/m;

function shellWithBusybox(files: Record<string, string> = {}) {
  const t = testShell({ 'coredns.yaml': cmYaml(WITH_HOSTS), Corefile: WITH_HOSTS, ...files });
  t.run('kubectl apply -f bb.yaml');
  t.run('sleep 10');
  return t;
}

describe('a Corefile edit reaches CoreDNS', () => {
  it('kubectl apply: the old Corefile serves until the reload, then hosts answers and log writes each query', () => {
    const t = shellWithBusybox();
    expect(t.run('kubectl apply -f coredns.yaml')).toContain('configmap/coredns configured');
    expect(t.run('kubectl exec bb -- nslookup db.internal')).toContain("** server can't find db.internal: NXDOMAIN");
    t.run('sleep 130');
    const out = t.run('kubectl exec bb -- nslookup db.internal');
    expect(out).toContain('Name:\tdb.internal\nAddress: 10.1.2.3\n');
    const logs = t.run('kubectl logs -n kube-system -l k8s-app=kube-dns --tail=-1');
    expect(logs.match(/\[INFO\] Reloading\n\[INFO\] plugin\/reload: Running configuration SHA512 = [0-9a-f]{128}\n\[INFO\] Reloading complete\n/g)).toHaveLength(2);
    expect(logs).toMatch(LOG_LINE);
  });

  it('kubectl replace -f, and kubectl create configmap --dry-run=client -o yaml | kubectl apply -f -', () => {
    const t = shellWithBusybox();
    expect(t.run('kubectl replace -f coredns.yaml')).toBe('configmap/coredns replaced\n');
    t.run('sleep 130');
    expect(t.run('kubectl exec bb -- nslookup db.internal')).toContain('Address: 10.1.2.3');
    const u = shellWithBusybox();
    expect(u.run('kubectl create configmap coredns -n kube-system --from-file=Corefile --dry-run=client -o yaml | kubectl apply -f -')).toContain('configmap/coredns configured');
    u.run('sleep 130');
    expect(u.run('kubectl exec bb -- nslookup db.internal')).toContain('Address: 10.1.2.3');
  });

  it('kubectl patch with a merge patch of data.Corefile', () => {
    const t = shellWithBusybox();
    const patch = JSON.stringify({ data: { Corefile: WITH_HOSTS } });
    expect(t.run(`kubectl patch configmap coredns -n kube-system --type merge -p '${patch}'`)).toBe('configmap/coredns patched\n');
    t.run('sleep 130');
    expect(t.run('kubectl exec bb -- nslookup db.internal')).toContain('Address: 10.1.2.3');
  });

  it('a Corefile CoreDNS cannot set up is refused: its errors in the log, the old one keeps answering', () => {
    const broken = WITH_HOSTS.replace('forward .', 'foward .');
    const t = shellWithBusybox({ 'broken.yaml': cmYaml(broken) });
    t.run('kubectl apply -f broken.yaml');
    t.run('sleep 130');
    const logs = t.run('kubectl logs -n kube-system -l k8s-app=kube-dns');
    expect(logs).toContain("[ERROR] plugin/reload: Corefile changed but reload failed: starting with listener file descriptors: /etc/coredns/Corefile:18 - Error during parsing: Unknown directive 'foward'\n");
    expect(t.run('kubectl exec bb -- nslookup db.internal')).toContain("can't find db.internal: NXDOMAIN");
    expect(t.run('kubectl exec bb -- nslookup web.default.svc.cluster.local')).toContain("can't find web.default.svc.cluster.local: NXDOMAIN");
  });

  it('kubectl replace of an object that does not exist is NotFound', () => {
    const t = testShell({ 'x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nope\ndata:\n  a: b\n' });
    const r = t.result('kubectl replace -f x.yaml');
    expect(r.exitCode).toBe(1);
    expect(t.run('kubectl replace -f x.yaml')).toBe('Error from server (NotFound): error when replacing "x.yaml": configmaps "nope" not found\n');
  });
});

describe('a Corefile too large for the simulator', () => {
  it('is not read: a note in the simulator\'s words, the running Corefile stays', () => {
    const huge = WITH_HOSTS.replace('    log\n', `    log\n${'    # filler\n'.repeat(7000)}`);
    const t = shellWithBusybox({ 'huge.yaml': cmYaml(huge) });
    expect(t.run('kubectl apply -f huge.yaml')).toContain('simulator: the simulated CoreDNS reads Corefiles of at most 65536 characters');
    t.run('sleep 130');
    expect(t.run('kubectl exec bb -- nslookup db.internal')).toContain("can't find db.internal: NXDOMAIN");
  });
});

describe('CoreDNS pods started after an edit', () => {
  it('load the Corefile of their start; without reload, no digest line (plugin/reload setup hook)', () => {
    const noReload = WITH_HOSTS.replace('    reload\n', '');
    const t = shellWithBusybox({ 'noreload.yaml': cmYaml(noReload) });
    t.run('kubectl apply -f noreload.yaml');
    t.run('kubectl -n kube-system rollout restart deployment coredns');
    t.run('sleep 40');
    const logs = t.run('kubectl logs -n kube-system -l k8s-app=kube-dns');
    expect(logs).toBe('maxprocs: Leaving GOMAXPROCS=8: CPU quota undefined\n.:53\nCoreDNS-1.12.0\nlinux/amd64, go1.23.3, 51e11f1\n'.repeat(2));
    expect(t.run('kubectl exec bb -- nslookup db.internal')).toContain('Address: 10.1.2.3');
  });
});
