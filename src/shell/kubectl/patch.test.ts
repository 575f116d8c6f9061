import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';
import { jsonPatch, mergePatch, strategicMergePatch } from './merge-patch';

describe('patch documents', () => {
  it('a JSON merge patch merges maps, deletes with null, replaces lists (RFC 7386)', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [9] })).toEqual({ a: { c: 2, d: 3 }, l: [9] });
  });

  it('a strategic merge patch merges lists by their merge key (k8s.io/api core/v1 types.go patchMergeKey)', () => {
    const svc = { spec: { ports: [{ port: 80, targetPort: 9376 }, { port: 443, targetPort: 8443 }] } };
    expect(strategicMergePatch(svc, { spec: { ports: [{ port: 80, nodePort: 30080 }] } })).toEqual({ spec: { ports: [{ port: 80, targetPort: 9376, nodePort: 30080 }, { port: 443, targetPort: 8443 }] } });
    const pod = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } };
    expect(strategicMergePatch(pod, { spec: { containers: [{ name: 'b', image: 'z' }] } })).toEqual({ spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'z' }] } });
  });

  it('a JSON patch adds, replaces, removes and tests (RFC 6902)', () => {
    expect(jsonPatch({ spec: { type: 'ClusterIP', ports: [{ port: 80 }] } }, [
      { op: 'replace', path: '/spec/type', value: 'NodePort' },
      { op: 'add', path: '/spec/ports/-', value: { port: 443 } },
      { op: 'remove', path: '/spec/ports/0' },
    ])).toEqual({ spec: { type: 'NodePort', ports: [{ port: 443 }] } });
    expect(jsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toHaveProperty('error');
  });
});

describe('kubectl patch', () => {
  it('changes a Service\'s type through the API server (a nodePort is allocated) and says so (patch.go)', () => {
    const t = appliedShell();
    expect(t.run(`kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'`)).toBe('service/web patched\n');
    expect(t.sim.cluster.store.get('Service', 'default', 'web')!.spec.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(t.run(`kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'`)).toBe('service/web patched (no change)\n');
  });

  it('keeps the last-applied annotation, scales through the controllers, and reports what the server rejects', () => {
    const t = appliedShell();
    const before = t.sim.cluster.store.get('Deployment', 'default', 'web')!.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration'];
    expect(t.run(`kubectl patch deployment web --type=merge -p '{"spec":{"replicas":5}}'`)).toBe('deployment.apps/web patched\n');
    const d = t.sim.cluster.store.get('Deployment', 'default', 'web')!;
    expect(d.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']).toBe(before);
    expect(t.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('web-'))).toHaveLength(5);
    expect(t.run(`kubectl patch svc web --type=json -p '[{"op":"add","path":"/spec/ports/0/nodePort","value":99999}]'`)).toBe("The Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'\n");
    expect(t.run(`kubectl patch svc web --type=yaml -p '{}'`)).toBe('error: --type must be one of [json merge strategic], not "yaml"\nSee \'kubectl patch -h\' for help and examples\n');
  });
});
