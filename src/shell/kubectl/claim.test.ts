/**
 * A ReplicaSet claims its pods (k/k pkg/controller/controller_ref_manager.go ClaimPods):
 * a pod relabelled out of its selector is released (ReleasePod removes the controller
 * reference) and replaced; relabelled back, it is adopted (AdoptPod) and the surplus
 * deleted. A Deployment's spec.selector is immutable in apps/v1
 * (pkg/registry/apps/deployment/strategy.go ValidateUpdate, ValidateImmutableField).
 */
import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

const webPods = (t: ReturnType<typeof appliedShell>) =>
  t.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('web-') && p.metadata.deletionTimestamp === undefined);

describe('ReplicaSet pod claims (controller_ref_manager.go)', () => {
  it('a pod relabelled out of the selector loses its owner and a replacement is made; it stays running', () => {
    const t = appliedShell();
    const [first] = webPods(t);
    const name = first!.metadata.name;
    expect(t.run(`kubectl label pod ${name} app=debug --overwrite`)).toBe(`pod/${name} labeled\n`);
    const pod = t.sim.cluster.store.get('Pod', 'default', name)!;
    expect(pod.metadata.ownerReferences).toBeUndefined();
    expect(pod.status.phase).toBe('Running');
    const owned = webPods(t).filter((p) => p.metadata.labels?.app === 'web');
    expect(owned).toHaveLength(3);
    expect(owned.map((p) => p.metadata.name)).not.toContain(name);
    expect(t.run('kubectl get rs')).toMatch(/web-\w+ +3 +3 +3 /);
  });

  it('relabelled back, the orphan is adopted and one pod too many is deleted', () => {
    const t = appliedShell();
    const name = webPods(t)[0]!.metadata.name;
    t.run(`kubectl label pod ${name} app=debug --overwrite`);
    t.run(`kubectl label pod ${name} app=web --overwrite`);
    const pod = t.sim.cluster.store.get('Pod', 'default', name)!;
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', controller: true, blockOwnerDeletion: true });
    expect(webPods(t)).toHaveLength(3);
  });
});

describe('Deployment spec.selector is immutable (apps/v1)', () => {
  it('an apply that changes it is refused with the API server\'s text', () => {
    const t = appliedShell();
    const result = t.run('kubectl patch deployment web -p \'{"spec":{"selector":{"matchLabels":{"app":"web2"}},"template":{"metadata":{"labels":{"app":"web2"}}}}}\'');
    expect(result).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
    );
  });
});
