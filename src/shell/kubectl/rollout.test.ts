import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';

const READINESS_YAML = readFileSync('testdata/transcripts/readiness.yaml', 'utf8');

describe('kubectl rollout status (polymorphichelpers rollout_status.go)', () => {
  it('says a settled Deployment has rolled out', () => {
    expect(appliedShell().run('kubectl rollout status deployment/web')).toBe('deployment "web" successfully rolled out\n');
  });

  it('waits on the simulation clock, printing each new state, until the pods are available', () => {
    const t = testShell();
    t.sim.applyText(READINESS_YAML, 'test', 'apply');
    const pods = t.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('web-'));
    for (const p of pods) t.run(`kubectl exec ${p.metadata.name} -- touch /tmp/ready`);
    expect(t.run('kubectl rollout status deploy web')).toBe('Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\ndeployment "web" successfully rolled out\n');
    expect(t.sim.cluster.clock.now()).toBeGreaterThan(0);
  });

  it('gives up after --timeout', () => {
    const t = testShell();
    t.sim.applyText(READINESS_YAML, 'test', 'apply');
    expect(t.run('kubectl rollout status deployment/web --timeout=10s')).toBe('Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\nerror: timed out waiting for the condition\n');
    expect(t.sim.cluster.clock.now()).toBe(10);
  });
});

describe('a rollout whose new pods never become ready (pkg/controller/deployment/rolling.go)', () => {
  it('stalls: status waits on the new replicas, the old pods keep answering through the Service', () => {
    const t = appliedShell();
    t.run('kubectl patch deployment web --type=json -p=\'[{"op":"add","path":"/spec/template/spec/containers/0/readinessProbe","value":{"exec":{"command":["sh","-c","exit 1"]}}}]\'');
    // 3 replicas: maxSurge 1 (25% rounded up), maxUnavailable 0 (rounded down): one new pod, three old ones.
    expect(t.run('kubectl rollout status deployment/web --timeout=30s')).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\nerror: timed out waiting for the condition\n',
    );
    expect(t.run('kubectl get deploy web')).toMatch(/web +3\/3 +1 +3 /);
    const old = t.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('web-') && p.status.ready);
    expect(old).toHaveLength(3);
    expect(t.stdout('kubectl exec client -- curl -s http://web/')).toMatch(new RegExp(`^(${old.map((p) => p.metadata.name).join('|')})$`));
  });
});

describe('new revisions: set image, restart, undo, history', () => {
  it('kubectl set image makes a new ReplicaSet (revision 2); undo brings revision 1\'s template back as revision 3', () => {
    const t = appliedShell();
    const rsBefore = t.sim.cluster.store.list('ReplicaSet', 'default').map((r) => r.metadata.name);
    expect(t.run('kubectl set image deployment/web app=registry.k8s.io/e2e-test-images/agnhost:2.48')).toBe('deployment.apps/web image updated\n');
    const d = t.sim.cluster.store.get('Deployment', 'default', 'web')!;
    expect(d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(t.run('kubectl set image deployment/web nope=x')).toBe('error: unable to find container named "nope"\n');
    expect(t.run('kubectl rollout undo deployment/web')).toBe('deployment.apps/web rolled back\n');
    const live = t.sim.cluster.store.list('ReplicaSet', 'default').filter((r) => r.spec.replicas > 0);
    expect(live.map((r) => r.metadata.name)).toEqual(rsBefore);
    expect(live[0]!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(t.run('kubectl rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
  });

  it('kubectl rollout restart stamps the pod template (objectrestarter.go) and replaces every pod', () => {
    const t = appliedShell();
    const before = new Set(t.sim.cluster.store.list('Pod', 'default').map((p) => p.metadata.name));
    expect(t.run('kubectl rollout restart deployment/web')).toBe('deployment.apps/web restarted\n');
    const d = t.sim.cluster.store.get('Deployment', 'default', 'web')!;
    expect(d.spec.template.metadata.annotations!['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT/);
    const fresh = t.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('web-') && p.metadata.deletionTimestamp === undefined);
    expect(fresh).toHaveLength(3);
    expect(fresh.every((p) => !before.has(p.metadata.name))).toBe(true);
    expect(t.run('kubectl describe deploy web')).toMatch(/ {2}Annotations:\s+kubectl\.kubernetes\.io\/restartedAt: /);
  });
});

describe('rollout on kinds it has no helper for', () => {
  it('names the kind as polymorphichelpers does', () => {
    const t = appliedShell();
    expect(t.run('kubectl rollout status svc/web')).toBe('error: no status viewer has been implemented for Service\n');
    expect(t.run('kubectl rollout undo svc/web')).toBe('error: no rollbacker has been implemented for "Service"\n');
  });
});
