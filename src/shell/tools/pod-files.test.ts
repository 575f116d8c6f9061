import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

describe('what a container sees', () => {
  const t = appliedShell();
  const podIP = () => t.sim.cluster.store.get('Pod', 'default', 'client')!.status.podIP!;

  it('/etc/resolv.conf: the cluster search list, kube-dns, ndots:5 (ClusterFirst)', () => {
    expect(t.run('kubectl exec client -- cat /etc/resolv.conf')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('/etc/hosts as the kubelet writes it (managedHostsFileContent)', () => {
    expect(t.run('kubectl exec client -- cat /etc/hosts')).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
        'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
        `${podIP()}\tclient\n`,
    );
  });

  it('env: PATH, HOSTNAME, the Service variables of Services that existed at start, HOME', () => {
    const env = t.stdout('kubectl exec client -- env').split('\n');
    expect(env[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(env[1]).toBe('HOSTNAME=client');
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    expect(env).toContain('KUBERNETES_PORT=tcp://10.96.0.1:443');
    expect(env).toContain('WEB_SERVICE_PORT=80');
    expect(env.at(-2)).toBe('HOME=/root');
  });

  it('a Service created later does not show up in a running container', () => {
    t.run('kubectl apply -f empty.yaml');
    expect(t.stdout('kubectl exec client -- env')).not.toContain('EMPTY_SERVICE_HOST');
  });

  it('a missing file is busybox cat\'s error, exit 1', () => {
    expect(t.run('kubectl exec client -- cat /nope')).toBe("cat: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n");
  });
});
