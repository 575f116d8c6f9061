import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';
import { toApiObject, toJson, toYaml } from './serialize';

describe('toYaml (kubectl -o yaml)', () => {
  it('sorts keys and does not indent sequences under their key', () => {
    expect(toYaml({ spec: { ports: [{ port: 80, name: 'http' }] }, apiVersion: 'v1' })).toBe('apiVersion: v1\nspec:\n  ports:\n  - name: http\n    port: 80\n');
  });

  it('quotes strings a YAML 1.1 reader would take for something else, as go-yaml v2 does', () => {
    expect(toYaml({ creationTimestamp: '2026-01-01T00:00:00Z' })).toBe('creationTimestamp: "2026-01-01T00:00:00Z"\n');
    expect(toYaml({ a: 'yes', b: 'on', c: '1281', d: 'true' })).toBe('a: "yes"\nb: "on"\nc: "1281"\nd: "true"\n');
    expect(toYaml({ status: 'True', app: 'web' })).toBe('app: web\nstatus: "True"\n');
  });

  it('prints null as null and an empty map as {}', () => {
    expect(toYaml({ lastProbeTime: null, resources: {} })).toBe('lastProbeTime: null\nresources: {}\n');
  });

  it('writes a value reached twice out in full, never as an anchor and alias', () => {
    const labels = { app: 'web' };
    expect(toYaml({ a: labels, b: labels })).toBe('a:\n  app: web\nb:\n  app: web\n');
  });

  it('keeps a multi-line string as a literal block (the last-applied annotation)', () => {
    expect(toYaml({ a: '{"x":1}\n' })).toBe('a: |\n  {"x":1}\n');
  });
});

describe('toJson (kubectl -o json)', () => {
  it('indents with 4 spaces and ends with a newline', () => {
    expect(toJson({ kind: 'List', items: [] })).toBe('{\n    "items": [],\n    "kind": "List"\n}\n');
  });

  it("sorts every map's keys, as Go's encoder does for the unstructured objects kubectl prints", () => {
    expect(toJson({ spec: { type: 'ClusterIP', ports: [{ protocol: 'TCP', port: 80 }], clusterIP: '10.96.0.5' } })).toBe(
      '{\n    "spec": {\n        "clusterIP": "10.96.0.5",\n        "ports": [\n            {\n                "port": 80,\n                "protocol": "TCP"\n            }\n        ],\n        "type": "ClusterIP"\n    }\n}\n',
    );
  });
});

describe('toApiObject', () => {
  const t = appliedShell();
  const store = t.sim.cluster.store;

  it('fills the server-side Pod defaults and leaves simulator bookkeeping out', () => {
    const pod = toApiObject(store.get('Pod', 'default', 'client')!) as { spec: Record<string, unknown>; status: Record<string, unknown> };
    expect(pod.spec).toMatchObject({ dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30 });
    expect(pod.status).toMatchObject({ phase: 'Running', qosClass: 'BestEffort' });
    expect(Object.keys(pod.status)).not.toContain('serviceEnv');
    expect(Object.keys(pod.status)).not.toContain('ready');
  });

  it('prints timestamps as RFC 3339 strings', () => {
    const svc = toApiObject(store.get('Service', 'default', 'web')!) as { metadata: { creationTimestamp: string } };
    expect(svc.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('leaves out the ports of a Service that has none (omitempty), as the API does', () => {
    t.run('kubectl create service externalname ext --external-name=example.com');
    expect(toApiObject(store.get('Service', 'default', 'ext')!).spec).not.toHaveProperty('ports');
    expect(toApiObject(store.get('Service', 'default', 'web')!).spec).toHaveProperty('ports');
  });

  it('gives an empty EndpointSlice endpoints: null, as the API does', () => {
    t.run('kubectl apply -f empty.yaml');
    const slice = store.list('EndpointSlice', 'default').find((s) => s.metadata.name.startsWith('empty-'))!;
    expect(toApiObject(slice).endpoints).toBeNull();
  });
});

describe('a Deployment as the API returns it', () => {
  it('carries the controller\'s conditions and revision, and leaves zero counts out (apps/v1 types.go omitempty)', () => {
    const t = appliedShell();
    const d = toApiObject(t.sim.cluster.store.get('Deployment', 'default', 'web')!) as { metadata: { annotations: Record<string, string> }; status: Record<string, unknown> };
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ availableReplicas: 3, readyReplicas: 3, replicas: 3, updatedReplicas: 3, observedGeneration: 1 });
    expect((d.status.conditions as { type: string; reason: string }[]).map((c) => [c.type, c.reason])).toEqual([
      ['Available', 'MinimumReplicasAvailable'],
      ['Progressing', 'NewReplicaSetAvailable'],
    ]);
    t.run('kubectl scale deployment web --replicas=0');
    const scaled = toApiObject(t.sim.cluster.store.get('Deployment', 'default', 'web')!) as { metadata: { generation: number }; status: Record<string, unknown> };
    expect(scaled.metadata.generation).toBe(2);
    expect(Object.keys(scaled.status).sort()).toEqual(['conditions', 'observedGeneration']);
  });
});

describe('status of a pod no node took (k/k pkg/scheduler/schedule_one.go handleSchedulingFailure)', () => {
  it('holds only PodScheduled False, reason Unschedulable, with the FailedScheduling message', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: picky\nspec:\n  nodeSelector:\n    disktype: ssd\n  containers:\n  - name: app\n    image: nginx\n';
    const t = testShell({ 'picky.yaml': yaml });
    t.run('kubectl apply -f picky.yaml');
    const pod = JSON.parse(t.stdout('kubectl get pod picky -o json')) as { status: Record<string, unknown> };
    expect(pod.status).toEqual({
      conditions: [
        {
          lastProbeTime: null,
          lastTransitionTime: expect.any(String),
          message: "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
          reason: 'Unschedulable',
          status: 'False',
          type: 'PodScheduled',
        },
      ],
      phase: 'Pending',
      qosClass: 'BestEffort',
    });
  });
});
