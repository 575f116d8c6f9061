/**
 * Exec readiness probes run their command in the container's simulated shell and its exit
 * status decides (k/k pkg/probe/exec/exec.go: 0 is Success, anything else Failure with the
 * combined output; a program the image lacks is an error whose result the kubelet discards,
 * pkg/kubelet/prober/worker.go, reported as "errored and resulted in unknown state",
 * pkg/kubelet/prober/prober.go).
 */
import { describe, expect, it } from 'vitest';
import { testShell } from './test-shell';

const probed = (name: string, image: string, command: string[], extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: probed
spec:
  containers:
  - name: c
    image: ${image}
    command: ["sh", "-c", "echo hi > /dev/null; sleep 3600"]
    readinessProbe:
      exec:
        command: ${JSON.stringify(command)}
      periodSeconds: 5${extra}
`;

function readyAfter(command: string[], image = 'busybox:1.36', setup?: string): boolean {
  const t = testShell({ 'p.yaml': probed('p', image, command) });
  t.run('kubectl apply -f p.yaml');
  if (setup) t.run(setup);
  t.run('sleep 30');
  return t.sim.cluster.store.get('Pod', 'default', 'p')!.status.ready;
}

describe('exec readiness probes run in the container (pkg/probe/exec)', () => {
  it('true and `sh -c "exit 0"` pass; false, /bin/false and `sh -c "exit 1"` fail', () => {
    expect(readyAfter(['true'])).toBe(true);
    expect(readyAfter(['sh', '-c', 'exit 0'])).toBe(true);
    expect(readyAfter(['false'])).toBe(false);
    expect(readyAfter(['/bin/false'])).toBe(false);
    expect(readyAfter(['sh', '-c', 'exit 1'])).toBe(false);
    expect(readyAfter(['/bin/sh', '-c', 'test -f /tmp/nothing'])).toBe(false);
  });

  it('cat of a present file passes, of a missing one fails; a file touched through kubectl exec turns it ready', () => {
    expect(readyAfter(['cat', '/etc/hostname'])).toBe(true);
    expect(readyAfter(['cat', '/tmp/ready'])).toBe(false);
    expect(readyAfter(['cat', '/tmp/ready'], 'busybox:1.36', 'kubectl exec p -- touch /tmp/ready')).toBe(true);
    expect(readyAfter(['sh', '-c', 'cat /tmp/ready && exit 0 || exit 3'], 'busybox:1.36', 'kubectl exec p -- touch /tmp/ready')).toBe(true);
  });

  it('the Unhealthy event quotes the command output', () => {
    const t = testShell({ 'p.yaml': probed('p', 'busybox:1.36', ['sh', '-c', 'echo not yet; exit 1']) });
    t.run('kubectl apply -f p.yaml');
    t.run('sleep 30');
    expect(t.run('kubectl get events --field-selector reason=Unhealthy')).toContain('Readiness probe failed: not yet');
  });

  it('a program the image lacks never passes and is reported as an errored probe', () => {
    const t = testShell({ 'p.yaml': probed('p', 'busybox:1.36', ['pg_isready']) });
    t.run('kubectl apply -f p.yaml');
    t.run('sleep 30');
    expect(t.sim.cluster.store.get('Pod', 'default', 'p')!.status.ready).toBe(false);
    expect(t.run('kubectl describe pod p')).toContain('Readiness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container');
  });
});
