import { describe, expect, it } from 'vitest';
import { MAX_PODS } from '../../sim/limits';
import { testShell } from '../test-shell';

describe('kubectl scale past what the API server and the simulator take', () => {
  it('a count past int32 passes kubectl (an int flag) and fails decoding the patched Scale (apiserver handlers/patch.go, kubectl checkErr)', () => {
    const t = testShell();
    t.run('kubectl create deployment web --image=nginx --replicas=2');
    const r = t.result('kubectl scale deploy web --replicas=2147483648');
    expect(r.exitCode).toBe(1);
    const text = t.run('kubectl scale deploy web --replicas=2147483648');
    expect(text).toMatch(/^The request is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"autoscaling\/v1\\",\\"kind\\":\\"Scale\\",\\"metadata\\":\{\\"creationTimestamp\\":/);
    expect(text).toContain('\\"spec\\":{\\"replicas\\":2147483648},\\"status\\":{\\"replicas\\":2,\\"selector\\":\\"app=web\\"}}": json: cannot unmarshal number 2147483648 into Go struct field ScaleSpec.spec.replicas of type int32\n');
    expect(t.run('kubectl scale deploy web --replicas=x')).toBe(
      'Error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl scale --help\' for usage.\n',
    );
  });

  it(`stops the ReplicaSet controller at ${MAX_PODS} pods, says so as a simulator limit, and stays quick`, () => {
    const t = testShell();
    t.run('kubectl create deployment web --image=nginx --replicas=2');
    const started = Date.now();
    const r = t.result('kubectl scale deploy web --replicas=100000');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.chunks[0]).toEqual({ stream: 'out', text: 'deployment.apps/web scaled\n' });
    expect(r.chunks[1]!.stream).toBe('err');
    expect(r.chunks[1]!.text).toMatch(/^simulator: this simulated cluster holds at most 10000 pods \(a limit of the simulator, not of Kubernetes\); replicaset\.apps\/web-\w+ created \d+ of the 99998 pods it wanted\n$/);
    expect(t.sim.cluster.store.count('Pod')).toBe(MAX_PODS);
    expect(t.run('kubectl get events --field-selector reason=FailedCreate')).toMatch(/Warning\s+FailedCreate\s+replicaset\/web-\w+\s+Error creating: simulator limit: this simulated cluster holds at most 10000 pods; \d+ of \d+ pods not created/);
    expect(t.run('kubectl run one-more --image=nginx')).toBe('error: simulator limit: this simulated cluster holds at most 10000 pods; pod "one-more" was not created\n');
    expect(t.run('kubectl scale deploy web --replicas=1')).toBe('deployment.apps/web scaled\n');
  });
});

describe('kubectl delete namespace', () => {
  it('refuses the namespaces NamespaceLifecycle keeps (plugin/pkg/admission/namespace/lifecycle) and deletes the rest', () => {
    const t = testShell();
    for (const ns of ['default', 'kube-system', 'kube-public']) {
      expect(t.result(`kubectl delete ns ${ns}`)).toEqual({ chunks: [{ stream: 'err', text: `Error from server (Forbidden): namespaces "${ns}" is forbidden: this namespace may not be deleted\n` }], exitCode: 1 });
    }
    expect(t.run('kubectl delete ns kube-node-lease')).toBe('namespace "kube-node-lease" deleted\n');
    expect(t.sim.delete('Namespace', undefined, 'default')).toBeUndefined();
    expect(t.sim.cluster.store.get('Namespace', undefined, 'default')).toBeDefined();
  });
});
