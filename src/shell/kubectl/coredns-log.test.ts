// CoreDNS v1.12.0's start as `kubectl logs -n kube-system -l k8s-app=kube-dns` shows it on kind v1.33:
// automaxprocs, ".:53", plugin/reload's "Running configuration SHA512 = %x" (reload.go: sha512.Sum512 of
// json.Marshal of the parsed server blocks), coremain/run.go's banner "CoreDNS-1.12.0" / "linux/amd64, go1.23.3, 51e11f1".
import { describe, expect, it } from 'vitest';
import { testShell } from '../test-shell';

// The digest of kubeadm's Corefile with the `cache 30 { disable success/denial cluster.local }` block
// (k/k cmd/kubeadm/app/phases/addons/dns/manifests.go CoreDNSConfigMap), as published kubeadm clusters log it.
const KUBEADM_SHA = '1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b';
const START = `maxprocs: Leaving GOMAXPROCS=8: CPU quota undefined\n.:53\n[INFO] plugin/reload: Running configuration SHA512 = ${KUBEADM_SHA}\nCoreDNS-1.12.0\nlinux/amd64, go1.23.3, 51e11f1\n`;

describe('CoreDNS logs', () => {
  const t = testShell();

  it('every CoreDNS pod prints its start, the digest of the Corefile it loaded', () => {
    expect(t.run('kubectl logs -n kube-system -l k8s-app=kube-dns')).toBe(START + START);
  });

  it('through the Deployment: the first pod, with kubectl\'s "Found 2 pods" note', () => {
    const out = t.run('kubectl logs -n kube-system deploy/coredns');
    expect(out).toMatch(/^Found 2 pods, using pod\/coredns-[a-z0-9]+-[a-z0-9]{5}\n/);
    expect(out.endsWith(START)).toBe(true);
  });
});
