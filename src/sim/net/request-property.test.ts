// The data plane's contract, as a property over random scenarios and every proxy mode:
// a traced request ends at a ready endpoint of the Service it addressed, on the Service's
// targetPort, or fails the way the rules say: refused (REJECT, or the pod's RST for a
// wrong targetPort) or timed out (DROP for a Local policy without a local endpoint).
// Mirrors the guarantees k/k pkg/proxy/*/proxier_test.go check packet by packet.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../scenario/cluster-config';
import { apply, newSim } from '../test-helpers';
import type { ProxyMode } from '../view/snapshot';
import { buildServicePorts } from '../proxy/service-port';
import { createDataPlane } from './data-plane';
import { performRequest } from './request';

interface Scenario {
  mode: ProxyMode;
  replicas: number;
  rightPort: boolean;
  type: 'ClusterIP' | 'NodePort';
  internalLocal: boolean;
  viaName: boolean;
  requests: number;
}

function yaml(s: Scenario): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  replicas: ${s.replicas}
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
      - name: c
        image: registry.k8s.io/e2e-test-images/agnhost:2.47
        args: ["serve-hostname"]
---
apiVersion: v1
kind: Service
metadata: {name: svc}
spec:
  type: ${s.type}
  internalTrafficPolicy: ${s.internalLocal ? 'Local' : 'Cluster'}
  selector: {app: app}
  ports:
  - port: 80
    targetPort: ${s.rightPort ? 9376 : 8080}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers:
  - name: c
    image: registry.k8s.io/e2e-test-images/agnhost:2.47
    args: ["pause"]
`;
}

const scenario = fc.record({
  mode: fc.constantFrom<ProxyMode>('iptables', 'ipvs', 'nftables', 'userspace'),
  replicas: fc.integer({ min: 0, max: 4 }),
  rightPort: fc.boolean(),
  type: fc.constantFrom<'ClusterIP' | 'NodePort'>('ClusterIP', 'NodePort'),
  internalLocal: fc.boolean(),
  viaName: fc.boolean(),
  requests: fc.integer({ min: 1, max: 6 }),
});

describe('every traced request', () => {
  it('ends at a ready endpoint of the right Service and port, or fails as the rules say (property)', () => {
    fc.assert(fc.property(scenario, fc.integer({ min: 1, max: 1000 }), (s, seed) => {
      const sim = newSim(seed, { ...defaultClusterConfig(), proxyMode: s.mode });
      apply(sim, yaml(s));
      const plane = createDataPlane(sim.cluster);
      const client = sim.cluster.store.get('Pod', 'default', 'client')!;
      const svc = sim.cluster.store.get('Service', 'default', 'svc')!;
      // The Service's ready endpoints, as its EndpointSlices list them.
      const refs = new Set(buildServicePorts(sim.cluster.store).find((sp) => sp.name === 'svc')!.endpoints.filter((e) => e.ready).map((e) => e.podRef));
      const ready = sim.cluster.store.list('Pod', 'default').filter((p) => refs.has(`default/${p.metadata.name}`));
      const url = s.viaName ? 'http://svc/' : `http://${svc.spec.clusterIP}/`;
      for (let i = 0; i < s.requests; i++) {
        const r = performRequest(sim, plane, { kind: 'pod', pod: client }, url);
        const last = r.hops[r.hops.length - 1]!;
        if (r.ok) {
          expect(ready.map((p) => p.metadata.name)).toContain(r.servedBy!.metadata.name);
          expect(s.rightPort).toBe(true);
          expect(r.hops.find((h) => h.kind === 'deliver')!.detail).toBe('GET / on :9376');
          expect(last.kind).toBe('reply');
          continue;
        }
        const local = ready.some((p) => p.spec.nodeName === client.spec.nodeName);
        // internalTrafficPolicy Local without a local endpoint: iptables and nftables DROP
        // (a timeout); IPVS has a virtual server with no real server and answers ICMP port
        // unreachable (ip_vs_leave); the historic userspace proxy predates the policy.
        const dropped = s.internalLocal && !local && s.mode !== 'userspace';
        if (ready.length === 0) expect(r.failure!.reason).toBe('refused');
        else if (dropped) expect(r.failure!.reason).toBe(s.mode === 'ipvs' ? 'refused' : 'timeout');
        else expect([s.rightPort, r.failure!.reason]).toEqual([false, 'refused']);
        expect(['reject', 'drop']).toContain(last.kind);
        expect(last.decidedBy).not.toBeNull();
      }
      // From outside, through any node's NodePort (externalTrafficPolicy Cluster): SNAT to
      // the node, then a ready endpoint anywhere; or refused like the ClusterIP.
      if (s.type === 'NodePort') {
        for (const node of sim.cluster.store.list('Node')) {
          const ip = node.status.addresses.find((a) => a.type === 'InternalIP')!.address;
          const r = performRequest(sim, plane, { kind: 'workstation' }, `http://${ip}:${svc.spec.ports[0]!.nodePort}/`);
          if (r.ok) expect(ready.map((p) => p.metadata.name)).toContain(r.servedBy!.metadata.name);
          else expect(ready.length === 0 || !s.rightPort ? r.failure!.reason : 'ok').toBe('refused');
        }
      }
    }), { numRuns: 60 });
  });
});
