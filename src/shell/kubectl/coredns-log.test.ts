// CoreDNS v1.12.0's start as `kubectl logs -n kube-system -l k8s-app=kube-dns` shows it on kind v1.33:
// automaxprocs, ".:53", plugin/reload/setup.go's "Running configuration SHA512 = %x" of the Corefile,
// coremain/run.go's banner "CoreDNS-1.12.0" / "linux/amd64, go1.23.3, 51e11f1".
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { corefile } from '../../sim/scenario/system-configmaps';
import { testShell } from '../test-shell';

const START = (sha: string) => `maxprocs: Leaving GOMAXPROCS=8: CPU quota undefined\n.:53\n[INFO] plugin/reload: Running configuration SHA512 = ${sha}\nCoreDNS-1.12.0\nlinux/amd64, go1.23.3, 51e11f1\n`;

describe('CoreDNS logs', () => {
  const t = testShell();
  const sha = createHash('sha512').update(corefile('cluster.local'), 'utf8').digest('hex');

  it('every CoreDNS pod prints its start, the digest of the Corefile it loaded', () => {
    expect(t.run('kubectl logs -n kube-system -l k8s-app=kube-dns')).toBe(START(sha) + START(sha));
  });

  it('through the Deployment: the first pod, with kubectl\'s "Found 2 pods" note', () => {
    const out = t.run('kubectl logs -n kube-system deploy/coredns');
    expect(out).toMatch(/^Found 2 pods, using pod\/coredns-[a-z0-9]+-[a-z0-9]{5}\n/);
    expect(out.endsWith(START(sha))).toBe(true);
  });
});
