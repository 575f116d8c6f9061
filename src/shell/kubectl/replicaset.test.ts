/**
 * A ReplicaSet made directly, as kubernetes.io's ReplicaSet concept page walks it
 * (content/en/docs/concepts/workloads/controllers/replicaset.md, controllers/frontend.yaml):
 * apply, get, describe, scale, apply again, delete with its pods. Columns from
 * pkg/printers/internalversion/printers.go printReplicaSet; the pods from
 * pkg/controller/replicaset/replica_set.go (no pod-template-hash: that is the Deployment's).
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../test-shell';

const FRONTEND = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    app: guestbook
    tier: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5
`;

describe('a bare ReplicaSet', () => {
  it('is created, runs its pods, scales, and is deleted with them', () => {
    const t = testShell({ 'frontend.yaml': FRONTEND });
    expect(t.run('kubectl apply -f frontend.yaml')).toBe('replicaset.apps/frontend created\n');
    expect(t.run('kubectl get rs')).toBe('NAME       DESIRED   CURRENT   READY   AGE\nfrontend   3         3         3       0s\n');
    const pods = t.sim.cluster.store.list('Pod', 'default');
    expect(pods.map((p) => p.metadata.name)).toEqual(pods.map(() => expect.stringMatching(/^frontend-[a-z0-9]{5}$/)));
    expect(pods[0]!.metadata.labels).toEqual({ tier: 'frontend' });
    expect(pods[0]!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'frontend', controller: true });
    const described = t.run('kubectl describe rs/frontend');
    expect(described).toContain('Replicas:     3 current / 3 desired\nPods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    expect(t.run('kubectl scale rs frontend --replicas=1')).toBe('replicaset.apps/frontend scaled\n');
    expect(t.run('kubectl get rs frontend --no-headers')).toBe('frontend   1     1     1     0s\n');
    expect(t.run('kubectl apply -f frontend.yaml')).toBe('replicaset.apps/frontend configured\n');
    expect(t.sim.cluster.store.get('ReplicaSet', 'default', 'frontend')!.spec.replicas).toBe(3);
    expect(t.run('kubectl delete rs frontend')).toBe('replicaset.apps "frontend" deleted\n');
    t.sim.advance(60_000);
    expect(t.run('kubectl get pods')).toBe('No resources found in default namespace.\n');
  });

  it('is validated as the API server validates it (ValidateReplicaSetSpec)', () => {
    const t = testShell({ 'bad.yaml': FRONTEND.replace('        tier: frontend\n    spec', '        tier: backend\n    spec') });
    expect(t.run('kubectl apply -f bad.yaml')).toBe(
      'The ReplicaSet "frontend" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"tier":"backend"}: `selector` does not match template `labels`\n',
    );
  });
});
