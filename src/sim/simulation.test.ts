// End to end: curl from a pod through CoreDNS and kube-proxy (iptables) to a backend, and determinism.
// Expected behaviour: k8s-semantics.md §5 (traffic paths) and §8 (curl 8 messages).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IptablesDataPlane } from './net/iptables-plane';
import { performRequest } from './net/request';
import { DEFAULT_SCENARIO_YAML } from './scenario/default-scenario';
import type { Simulation } from './simulation';
import { apply, defaultScenario, newSim, pod, podsWithLabel, podYaml, serviceYaml, svc } from './test-helpers';

function curl(sim: Simulation, url: string, from = 'client') {
  return performRequest(sim, new IptablesDataPlane(sim.cluster), { kind: 'pod', pod: pod(sim, from) }, url);
}

describe('curl from the client pod (default scenario)', () => {
  it('http://web answers with one of the web pods\' names, via DNS then DNAT', () => {
    const sim = defaultScenario();
    const names = podsWithLabel(sim, 'app', 'web').map((p) => p.metadata.name);
    const r = curl(sim, 'http://web');
    expect(r.ok).toBe(true);
    expect(names).toContain(r.answer!.body);
    expect(r.servedBy!.metadata.name).toBe(r.answer!.body);
    expect(r.remoteIP).toBe(svc(sim, 'web').spec.clusterIP);
    expect(r.hops.map((h) => h.kind)).toEqual(expect.arrayContaining(['dns-query', 'dns-answer', 'send', 'dnat', 'deliver', 'reply']));
  });

  it('many requests reach every backend', () => {
    const sim = defaultScenario();
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) seen.add(curl(sim, 'http://web.default.svc.cluster.local').answer!.body);
    expect(seen).toEqual(new Set(podsWithLabel(sim, 'app', 'web').map((p) => p.metadata.name)));
  });

  it('the ClusterIP directly, and a port the Service does not declare times out (code 28)', () => {
    const sim = defaultScenario();
    const ip = svc(sim, 'web').spec.clusterIP!;
    expect(curl(sim, `http://${ip}`).ok).toBe(true);
    expect(curl(sim, `http://${ip}:8080`).error!.code).toBe(28);
  });

  it('an unknown name: curl (6) Could not resolve host', () => {
    expect(curl(defaultScenario(), 'http://nope').error).toEqual({ code: 6, message: 'Could not resolve host: nope' });
  });
});

describe('failure modes', () => {
  it('no endpoints: REJECT, curl code 7 "Couldn\'t connect to server" at 0 ms', () => {
    const sim = defaultScenario();
    apply(sim, serviceYaml('empty', '  selector:\n    app: none\n  ports:\n  - port: 80\n'));
    const r = curl(sim, 'http://empty');
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({ code: 7, message: "Failed to connect to empty port 80 after 0 ms: Couldn't connect to server" });
    expect(r.hops.at(-1)!.kind).toBe('reject');
  });

  it('scaling the Deployment to zero: terminating pods still serve, then connection refused', () => {
    const sim = defaultScenario();
    apply(sim, DEFAULT_SCENARIO_YAML.replace('replicas: 3', 'replicas: 0'));
    // serve-hostname ignores SIGTERM, so its pods stay serving+terminating for the 30 s grace period
    // and kube-proxy falls back to them (k/k pkg/proxy/topology.go CategorizeEndpoints).
    expect(curl(sim, 'http://web').ok).toBe(true);
    sim.advance(30);
    expect(curl(sim, 'http://web').error!.code).toBe(7);
  });

  it('wrong targetPort: the pod refuses (RST), curl code 7', () => {
    const sim = defaultScenario();
    apply(sim, serviceYaml('web', '  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n'));
    const r = curl(sim, 'http://web');
    expect(r.error!.code).toBe(7);
    expect(r.hops.at(-1)).toMatchObject({ kind: 'reject', detail: 'TCP RST' });
  });
});

describe('headless and ExternalName', () => {
  it('a headless Service resolves straight to a pod IP and is not DNATed', () => {
    const sim = defaultScenario();
    apply(sim, serviceYaml('web-hl', '  clusterIP: None\n  selector:\n    app: web\n  ports:\n  - port: 9376\n'));
    const r = curl(sim, 'http://web-hl:9376');
    expect(r.ok).toBe(true);
    expect(podsWithLabel(sim, 'app', 'web').map((p) => p.status.podIP)).toContain(r.remoteIP);
    expect(r.hops.some((h) => h.kind === 'dnat')).toBe(false);
  });

  it('an ExternalName Service resolves through its CNAME to the outside address', () => {
    const sim = defaultScenario();
    apply(sim, serviceYaml('ext', '  type: ExternalName\n  externalName: db.example.com\n'));
    const r = curl(sim, 'http://ext');
    expect(r.remoteIP).toBe('93.184.215.20');
  });
});

describe('readiness gates traffic', () => {
  it('an unready backend gets no traffic until its probe passes', () => {
    const sim = newSim();
    apply(sim, [
      serviceYaml('slow', '  selector:\n    app: slow\n  ports:\n  - port: 80\n'),
      podYaml('slow-1', { app: 'slow' }, { readyAfter: 20 }),
      podYaml('client', { app: 'client' }, { image: 'registry.k8s.io/e2e-test-images/agnhost:2.47', args: '["pause"]' }),
    ].join('---\n'));
    expect(curl(sim, 'http://slow').error!.code).toBe(7);
    sim.advance(20);
    expect(curl(sim, 'http://slow').answer).toMatchObject({ status: 200, body: expect.stringContaining('Welcome to nginx!') });
  });
});

describe('determinism (property)', () => {
  const fingerprint = (sim: Simulation) => ({
    pods: sim.cluster.store.list('Pod').map((p) => [p.metadata.name, p.spec.nodeName, p.status.podIP, p.metadata.uid]),
    services: sim.cluster.store.list('Service').map((s) => [s.metadata.name, s.spec.clusterIP, s.spec.ports.map((p) => p.nodePort)]),
    slices: sim.cluster.store.list('EndpointSlice').map((s) => s.metadata.name),
  });

  it('the same seed gives identical names, IPs, ClusterIPs, nodePorts and answers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const run = () => {
          const sim = defaultScenario(seed);
          apply(sim, serviceYaml('np', '  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 9376\n'));
          const answers = Array.from({ length: 5 }, () => curl(sim, 'http://web').answer!.body);
          return { ...fingerprint(sim), answers };
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 15 },
    );
  });

  it('different seeds give different pod names', () => {
    const names = (seed: number) => podsWithLabel(defaultScenario(seed), 'app', 'web').map((p) => p.metadata.name);
    expect(names(1)).not.toEqual(names(2));
  });
});
