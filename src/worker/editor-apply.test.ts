import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_YAML } from '../sim/scenario/default-scenario';
import { SimSession } from './session';
import { RECREATE_HINT } from './editor-apply';

const webPods = (s: SimSession) => s.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('web'));

describe('applying the editor YAML', () => {
  it('applies an edit inside the same objects at once, even on the quick path', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 1 });
    const r = s.applyYaml(DEFAULT_SCENARIO_YAML.replace('replicas: 3', 'replicas: 4'), { onlyIfSameObjects: true });
    expect(r.deferred).toBeUndefined();
    expect(webPods(s)).toHaveLength(4);
  });

  it('defers a rename on the quick path, so half-typed names make no objects', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 1 });
    const halfTyped = DEFAULT_SCENARIO_YAML.replace('kind: Deployment\nmetadata:\n  name: web', 'kind: Deployment\nmetadata:\n  name: we');
    const quick = s.applyYaml(halfTyped, { onlyIfSameObjects: true });
    expect(quick.deferred).toBe(true);
    expect(s.sim.cluster.store.get('Deployment', 'default', 'we')).toBeUndefined();
    const settled = s.applyYaml(halfTyped);
    expect(settled.ok).toBe(true);
    expect(s.sim.cluster.store.get('Deployment', 'default', 'we')).toBeDefined();
    expect(s.sim.cluster.store.get('Deployment', 'default', 'web')).toBeUndefined();
  });

  it('still reports what the API server rejects on the quick path, with the cluster unchanged', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 1 });
    const r = s.applyYaml(DEFAULT_SCENARIO_YAML.replace('port: 80', 'port: 99999'), { onlyIfSameObjects: true });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.message).toBe('The Service "web" is invalid: spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive');
    expect(r.diagnostics[0]!.startLine).toBe(DEFAULT_SCENARIO_YAML.split('\n').findIndex((l) => l.includes('port: 80')) + 1);
  });
});

describe('applying the editor YAML as kubectl apply -f does (issue 12)', () => {
  const NS_FILE = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Pod
metadata:
  name: cart
  namespace: shop
  labels:
    app: cart
spec:
  containers:
  - name: app
    image: registry.k8s.io/e2e-test-images/agnhost:2.53
    args: ["netexec"]
---
apiVersion: v1
kind: Service
metadata:
  name: cart
  namespace: shop
spec:
  selector:
    app: cart
  ports:
  - port: 80
    targetPort: 8080
`;

  // kubectl apply -f sends the documents one by one in order (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go
  // Run: for each info, create or patch), so a Namespace earlier in the file exists when the objects in it arrive.
  it('creates a Namespace and the objects in it from one text', () => {
    const s = new SimSession();
    s.load({ yaml: NS_FILE, seed: 1 });
    const r = s.applyYaml(NS_FILE);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(s.sim.cluster.store.get('Namespace', undefined, 'shop')).toBeDefined();
    expect(s.sim.cluster.store.get('Pod', 'shop', 'cart')).toBeDefined();
    expect(s.sim.cluster.store.get('Service', 'shop', 'cart')).toBeDefined();
  });

  it('still says namespaces "x" not found when the Namespace comes after the objects in it', () => {
    const s = new SimSession();
    const [ns, ...rest] = NS_FILE.split('---\n');
    const r = s.applyYaml([...rest, ns].join('---\n'));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.message).toBe('Error from server (NotFound): error when creating "scenario.yaml": namespaces "shop" not found');
  });

  it('a cut and a re-paste of the whole text brings the same objects back, with no error', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 1 });
    const before = s.sim.cluster.store.list('Service', 'default').map((o) => o.metadata.name).sort();
    const emptied = s.applyYaml('');
    expect(emptied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const back = s.applyYaml(DEFAULT_SCENARIO_YAML);
    expect(back.ok).toBe(true);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(s.sim.cluster.store.list('Service', 'default').map((o) => o.metadata.name).sort()).toEqual(before);
    expect(webPods(s).filter((p) => p.metadata.deletionTimestamp === undefined).length).toBe(3);
  });

  it('a cut and a re-paste of a text with a Namespace brings every object back', () => {
    const s = new SimSession();
    s.load({ yaml: NS_FILE, seed: 1 });
    s.applyYaml('');
    const back = s.applyYaml(NS_FILE);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pod = s.sim.cluster.store.get('Pod', 'shop', 'cart')!;
    expect(pod.metadata.deletionTimestamp).toBeUndefined();
    expect(s.sim.cluster.store.get('Service', 'shop', 'cart')).toBeDefined();
    s.sim.advance(60);
    expect(s.sim.cluster.store.get('Pod', 'shop', 'cart')).toBeDefined();
  });

  // pkg/registry/core/service/storage/alloc.go: "may not change once set"; the editor adds what to do.
  it("a changed clusterIP is refused before anything applies, with the API server's text and the re-create hint", () => {
    const s = new SimSession();
    s.load({ yaml: NS_FILE, seed: 1 });
    const ip = (s.sim.cluster.store.get('Service', 'shop', 'cart') as { spec: { clusterIP: string } }).spec.clusterIP;
    const other = ip === '10.96.100.100' ? '10.96.100.101' : '10.96.100.100';
    const edited = NS_FILE.replace('  ports:\n  - port: 80', `  clusterIP: ${other}\n  ports:\n  - port: 80`).replace('image: registry.k8s.io/e2e-test-images/agnhost:2.53', 'image: registry.k8s.io/e2e-test-images/agnhost:2.52');
    const r = s.applyYaml(edited);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.message).toBe(`The Service "cart" is invalid: spec.clusterIPs[0]: Invalid value: []string{"${other}"}: may not change once set\n${RECREATE_HINT}`);
    // Nothing applied: the image change in the same text waits too.
    expect((s.sim.cluster.store.get('Pod', 'shop', 'cart') as { spec: { containers: { image: string }[] } }).spec.containers[0]!.image).toContain('2.53');
  });

  // pkg/apis/core/validation/validation.go ValidatePodUpdate: only images (and a few fields) may change.
  it('a changed Pod port is refused before anything applies, with the hint', () => {
    const s = new SimSession();
    s.load({ yaml: NS_FILE, seed: 1 });
    const r = s.applyYaml(NS_FILE.replace('args: ["netexec"]', 'args: ["netexec", "--http-port=9090"]'));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.message).toMatch(/^The Pod "cart" is invalid: spec: Forbidden: pod updates may not change fields other than/);
    expect(r.diagnostics[0]!.message.split('\n')[1]).toBe(RECREATE_HINT);
  });

  // k/k pkg/registry/apps/deployment/strategy.go ValidateUpdate: spec.selector is immutable in apps/v1.
  it('a changed Deployment selector carries the hint', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 1 });
    const r = s.applyYaml(DEFAULT_SCENARIO_YAML.replaceAll('app: web', 'app: web2'));
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.message.includes('field is immutable'))!;
    expect(d.message.split('\n')[1]).toBe(RECREATE_HINT);
  });
});
