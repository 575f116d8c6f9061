// kubectl apply's three-way merge: staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go computes
// the patch with apimachinery's pkg/util/strategicpatch CreateThreeWayMergePatch from the
// last-applied configuration, the file and the live object; apply.go prints "unchanged" when it is "{}".
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_YAML } from '../../sim/scenario/default-scenario';
import type { Deployment, Service } from '../../sim/model/types';
import { testShell } from '../test-shell';
import { threeWayMerge } from './three-way';

const NO_REPLICAS = DEFAULT_SCENARIO_YAML.replace('  replicas: 3\n', '');
const NODE_PORT = DEFAULT_SCENARIO_YAML.replace('spec:\n  selector:\n    app: web\n  ports:', 'spec:\n  type: NodePort\n  selector:\n    app: web\n  ports:');

function shell() {
  const t = testShell({ 'noreplicas.yaml': NO_REPLICAS, 'nodeport.yaml': NODE_PORT });
  t.run('kubectl apply -f app.yaml');
  return t;
}

const deploy = (t: ReturnType<typeof shell>) => t.sim.cluster.store.get('Deployment', 'default', 'web') as Deployment;
const svc = (t: ReturnType<typeof shell>) => t.sim.cluster.store.get('Service', 'default', 'web') as Service;
const replicaSets = (t: ReturnType<typeof shell>) => t.sim.cluster.store.list('ReplicaSet', 'default').map((r) => r.metadata.name);

describe('kubectl apply over a live object (three-way merge)', () => {
  it('re-applying the same file changes nothing and says unchanged', () => {
    const t = shell();
    const rv = deploy(t).metadata.resourceVersion;
    expect(t.run('kubectl apply -f app.yaml')).toBe('deployment.apps/web unchanged\nservice/web unchanged\npod/client unchanged\n');
    expect(deploy(t).metadata.resourceVersion).toBe(rv);
  });

  it('after kubectl scale, the file\'s replicas win again: configured, back to 3, same ReplicaSet', () => {
    const t = shell();
    const before = replicaSets(t);
    t.run('kubectl scale deploy web --replicas=5');
    expect(deploy(t).spec.replicas).toBe(5);
    expect(t.run('kubectl apply -f app.yaml')).toBe('deployment.apps/web configured\nservice/web unchanged\npod/client unchanged\n');
    expect(deploy(t).spec.replicas).toBe(3);
    // The template did not change: its pod-template-hash, so its ReplicaSet, stays.
    expect(replicaSets(t)).toEqual(before);
    expect(t.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('web-') && p.metadata.deletionTimestamp === undefined)).toHaveLength(3);
  });

  it('a field the file never set keeps what kubectl patch set: unchanged, still NodePort with its nodePort', () => {
    const t = shell();
    t.run(`kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'`);
    const nodePort = svc(t).spec.ports[0]!.nodePort;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(t.run('kubectl apply -f app.yaml')).toBe('deployment.apps/web unchanged\nservice/web unchanged\npod/client unchanged\n');
    expect(svc(t).spec.type).toBe('NodePort');
    expect(svc(t).spec.ports[0]!.nodePort).toBe(nodePort);
  });

  it('a field removed from the file since the last apply is deleted: replicas back to the default, 1', () => {
    const t = shell();
    expect(t.run('kubectl apply -f noreplicas.yaml')).toBe('deployment.apps/web configured\nservice/web unchanged\npod/client unchanged\n');
    expect(deploy(t).spec.replicas).toBe(1);
    const annotation = deploy(t).metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']!;
    expect(JSON.parse(annotation).spec.replicas).toBeUndefined();
    // The annotation is now the new file: re-applying it is unchanged.
    expect(t.run('kubectl apply -f noreplicas.yaml')).toBe('deployment.apps/web unchanged\nservice/web unchanged\npod/client unchanged\n');
  });
});

// The type removed from the file goes back to ClusterIP; the server then wipes the nodePort and
// externalTrafficPolicy it had given (pkg/registry/core/service/strategy.go dropTypeDependentFields).
describe('kubectl apply: a Service\'s type removed from the file', () => {
  it('goes back to ClusterIP, its nodePort and externalTrafficPolicy dropped', () => {
    const t = shell();
    expect(t.run('kubectl apply -f nodeport.yaml')).toBe('deployment.apps/web unchanged\nservice/web configured\npod/client unchanged\n');
    expect(svc(t).spec.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(t.run('kubectl apply -f app.yaml')).toBe('deployment.apps/web unchanged\nservice/web configured\npod/client unchanged\n');
    expect(svc(t).spec.type).toBe('ClusterIP');
    expect(svc(t).spec.ports[0]!.nodePort).toBeUndefined();
    expect(svc(t).spec.externalTrafficPolicy).toBeUndefined();
    expect(t.run('kubectl apply -f app.yaml')).toBe('deployment.apps/web unchanged\nservice/web unchanged\npod/client unchanged\n');
  });

  it('kubectl patch back to ClusterIP is accepted the same way', () => {
    const t = shell();
    t.run(`kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'`);
    expect(t.run(`kubectl patch svc web -p '{"spec":{"type":"ClusterIP"}}'`)).toBe('service/web patched\n');
    expect(svc(t).spec.ports[0]!.nodePort).toBeUndefined();
  });
});

describe('threeWayMerge', () => {
  it('merges lists with a merge key item by item: removed items go, server-only items stay', () => {
    const original = { spec: { ports: [{ port: 80 }, { port: 81 }] } };
    const modified = { spec: { ports: [{ port: 80, targetPort: 8080 }] } };
    const current = { spec: { ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }, { port: 81, protocol: 'TCP' }, { port: 82, protocol: 'TCP' }], clusterIP: '10.96.0.5' } };
    expect(threeWayMerge(current, modified, original)).toEqual({
      spec: { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }, { port: 82, protocol: 'TCP' }], clusterIP: '10.96.0.5' },
    });
  });

  it('replaces lists without a merge key whole, and deletes map keys the file dropped', () => {
    const original = { metadata: { labels: { a: '1', b: '2' } }, spec: { args: ['x', 'y'] } };
    const modified = { metadata: { labels: { a: '1' } }, spec: { args: ['z'] } };
    const current = { metadata: { labels: { a: '1', b: '2', c: '3' } }, spec: { args: ['x', 'y'] } };
    expect(threeWayMerge(current, modified, original)).toEqual({ metadata: { labels: { a: '1', c: '3' } }, spec: { args: ['z'] } });
  });
});
