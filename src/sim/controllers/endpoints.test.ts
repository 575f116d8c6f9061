// Endpoints and EndpointSlice controllers.
// k/k pkg/controller/endpoint/endpoints_controller.go (syncService, addEndpointSubset),
// staging/src/k8s.io/endpointslice (reconciler.go, utils.go podToEndpoint, setEndpointSliceLabels),
// pkg/api/v1/pod/util.go FindPort.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../model/types';
import { apply, applyOne, newSim, pod, podYaml, serviceYaml } from '../test-helpers';
import type { Simulation } from '../simulation';

const slicesOf = (sim: Simulation, name: string, ns = 'default'): EndpointSlice[] =>
  sim.cluster.store.list('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
const webSvc = (extra = '') => serviceYaml('web', `  selector:\n    app: web\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n${extra}`);

describe('Endpoints', () => {
  it('ready pods in addresses, unready in notReadyAddresses, sorted by IP, with resolved ports', () => {
    const sim = newSim();
    apply(sim, [webSvc(), podYaml('a', { app: 'web' }), podYaml('b', { app: 'web' }, { readyAfter: 30 }), podYaml('c', { app: 'other' })].join('---\n'));
    const ep = sim.cluster.store.get('Endpoints', 'default', 'web')!;
    expect(ep.subsets).toHaveLength(1);
    const [subset] = ep.subsets!;
    expect(subset!.addresses!.map((a) => a.targetRef!.name)).toEqual(['a']);
    expect(subset!.notReadyAddresses!.map((a) => a.targetRef!.name)).toEqual(['b']);
    expect(subset!.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(subset!.addresses![0]).toMatchObject({ ip: pod(sim, 'a').status.podIP, nodeName: pod(sim, 'a').spec.nodeName });
  });

  it('publishNotReadyAddresses puts every pod in addresses', () => {
    const sim = newSim();
    apply(sim, [webSvc('  publishNotReadyAddresses: true\n'), podYaml('b', { app: 'web' }, { readyAfter: 30 })].join('---\n'));
    const [subset] = sim.cluster.store.get('Endpoints', 'default', 'web')!.subsets!;
    expect(subset!.addresses!.map((a) => a.targetRef!.name)).toEqual(['b']);
    expect(subset!.notReadyAddresses).toBeUndefined();
  });

  it('a named targetPort is resolved per pod; a pod without that port is left out', () => {
    const sim = newSim();
    const named = serviceYaml('web', '  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: http\n');
    apply(sim, [named, podYaml('a', { app: 'web' }, { ports: '    - name: http\n      containerPort: 9376' }), podYaml('b', { app: 'web' })].join('---\n'));
    const [subset] = sim.cluster.store.get('Endpoints', 'default', 'web')!.subsets!;
    expect(subset!.addresses!.map((a) => a.targetRef!.name)).toEqual(['a']);
    expect(subset!.ports).toEqual([{ port: 9376, protocol: 'TCP' }]);
  });

  it('no selector: no Endpoints object', () => {
    const sim = newSim();
    applyOne(sim, serviceYaml('ext', '  ports:\n  - port: 80\n'));
    expect(sim.cluster.store.get('Endpoints', 'default', 'ext')).toBeUndefined();
  });

  it('a headless Service gets the service.kubernetes.io/headless label', () => {
    const sim = newSim();
    applyOne(sim, webSvc('  clusterIP: None\n'));
    expect(sim.cluster.store.get('Endpoints', 'default', 'web')!.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
  });
});

describe('EndpointSlices', () => {
  it('one slice <svc>-<5 chars> with the reserved labels, the Service labels, an ownerReference and IPv4', () => {
    const sim = newSim();
    apply(sim, [webSvc().replace('  name: web\n', '  name: web\n  labels:\n    tier: front\n'), podYaml('a', { app: 'web' })].join('---\n'));
    const [slice, ...rest] = slicesOf(sim, 'web');
    expect(rest).toEqual([]);
    expect(slice!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice!.metadata.generateName).toBe('web-');
    expect(slice!.metadata.labels).toEqual({ tier: 'front', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' });
    expect(slice!.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Service', name: 'web', controller: true })]);
    expect(slice!.addressType).toBe('IPv4');
    expect(slice!.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slice!.endpoints[0]).toMatchObject({ addresses: [pod(sim, 'a').status.podIP], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', name: 'a' } });
  });

  it('keeps a placeholder slice with no endpoints and no ports when nothing matches', () => {
    const sim = newSim();
    applyOne(sim, webSvc());
    const slices = slicesOf(sim, 'web');
    expect(slices).toHaveLength(1);
    expect(slices[0]!.endpoints).toEqual([]);
    expect(slices[0]!.ports).toBeNull();
  });

  it('unready pods stay in the slice with ready=false, serving=false', () => {
    const sim = newSim();
    apply(sim, [webSvc(), podYaml('b', { app: 'web' }, { readyAfter: 30 })].join('---\n'));
    expect(slicesOf(sim, 'web')[0]!.endpoints[0]!.conditions).toEqual({ ready: false, serving: false, terminating: false });
  });

  it('holds at most 100 endpoints per slice (--max-endpoints-per-slice)', () => {
    const sim = newSim();
    const pods = Array.from({ length: 130 }, (_, i) => podYaml(`p${i}`, { app: 'web' }));
    apply(sim, [webSvc(), ...pods].join('---\n'));
    const sizes = slicesOf(sim, 'web').map((s) => s.endpoints.length).sort((a, b) => b - a);
    expect(sizes).toEqual([100, 30]);
  });

  it('sets the endpoint hostname when the pod subdomain names the Service', () => {
    const sim = newSim();
    const p = podYaml('a', { app: 'web' }).replace('spec:\n', 'spec:\n  hostname: db-0\n  subdomain: web\n');
    apply(sim, [webSvc('  clusterIP: None\n'), p].join('---\n'));
    const [slice] = slicesOf(sim, 'web');
    expect(slice!.endpoints[0]!.hostname).toBe('db-0');
    expect(slice!.metadata.labels?.['service.kubernetes.io/headless']).toBe('');
  });

  it('leaves Services without a selector alone', () => {
    const sim = newSim();
    applyOne(sim, serviceYaml('ext', '  ports:\n  - port: 80\n'));
    expect(slicesOf(sim, 'ext')).toEqual([]);
  });
});

describe('endpoints follow the selector (property)', () => {
  it('Endpoints addresses equal the ready matching pods, notReady the others; slices hold them all', () => {
    const podArb = fc.record({ app: fc.constantFrom('web', 'api'), tier: fc.constantFrom('a', 'b'), ready: fc.boolean() });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(podArb, { maxLength: 10 }), fc.boolean(), (seed, specs, byTier) => {
        const sim = newSim(seed);
        const selector = byTier ? '    app: web\n    tier: a\n' : '    app: web\n';
        const docs = [serviceYaml('web', `  selector:\n${selector}  ports:\n  - port: 80\n`)];
        specs.forEach((s, i) => docs.push(podYaml(`p${i}`, { app: s.app, tier: s.tier }, s.ready ? {} : { readyAfter: 60 })));
        apply(sim, docs.join('---\n'));
        const matching = specs.map((s, i) => ({ ...s, name: `p${i}` })).filter((s) => s.app === 'web' && (!byTier || s.tier === 'a'));
        const ipOf = (name: string) => pod(sim, name).status.podIP!;
        const subsets = sim.cluster.store.get('Endpoints', 'default', 'web')!.subsets ?? [];
        const ready = subsets.flatMap((s) => s.addresses ?? []).map((a) => a.ip).sort();
        const notReady = subsets.flatMap((s) => s.notReadyAddresses ?? []).map((a) => a.ip).sort();
        expect(ready).toEqual(matching.filter((m) => m.ready).map((m) => ipOf(m.name)).sort());
        expect(notReady).toEqual(matching.filter((m) => !m.ready).map((m) => ipOf(m.name)).sort());
        const sliceEps = slicesOf(sim, 'web').flatMap((s) => s.endpoints);
        expect(sliceEps.filter((e) => e.conditions.ready).flatMap((e) => e.addresses).sort()).toEqual(ready);
        expect(sliceEps.length).toBe(matching.length);
      }),
      { numRuns: 40 },
    );
  });
});
