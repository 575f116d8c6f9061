// Cases follow k/k pkg/proxy/topology_test.go TestCategorizeEndpoints (topology hints aside).
import { describe, expect, it } from 'vitest';
import { categorizeEndpoints, externallyAccessible, usesClusterEndpoints, usesLocalEndpoints } from './categorize';
import { endpointString } from './service-port';
import { ep, svcPort } from './test-fixtures';

const names = (eps: { ip: string; port: number }[]) => eps.map(endpointString);
const NODE = 'kind-worker';

describe('traffic-policy helpers (pkg/proxy/serviceport.go)', () => {
  it('a ClusterIP service is not externally accessible', () => {
    const sp = svcPort({ namespace: 'ns', name: 's' });
    expect(externallyAccessible(sp)).toBe(false);
    expect(usesClusterEndpoints(sp)).toBe(true);
    expect(usesLocalEndpoints(sp)).toBe(false);
  });
  it('internalTrafficPolicy Local without external access uses only local endpoints', () => {
    const sp = svcPort({ namespace: 'ns', name: 's', internalPolicyLocal: true });
    expect(usesClusterEndpoints(sp)).toBe(false);
    expect(usesLocalEndpoints(sp)).toBe(true);
  });
  it('externalTrafficPolicy Local with a NodePort uses both', () => {
    const sp = svcPort({ namespace: 'ns', name: 's', nodePort: 30080, externalPolicyLocal: true });
    expect(usesClusterEndpoints(sp)).toBe(true);
    expect(usesLocalEndpoints(sp)).toBe(true);
  });
});

describe('categorizeEndpoints', () => {
  it('keeps only ready endpoints for Cluster policy', () => {
    const sp = svcPort({
      namespace: 'ns', name: 's',
      endpoints: [ep('10.0.0.0', 80), ep('10.0.0.1', 80, { ready: false, serving: false })],
    });
    const r = categorizeEndpoints(sp, NODE);
    expect(names(r.clusterEndpoints)).toEqual(['10.0.0.0:80']);
    expect(r.localEndpoints).toEqual([]);
    expect(names(r.allReachable)).toEqual(['10.0.0.0:80']);
    expect(r.hasAnyEndpoints).toBe(true);
  });

  it('falls back to serving+terminating endpoints when none is ready', () => {
    const sp = svcPort({
      namespace: 'ns', name: 's',
      endpoints: [
        ep('10.0.0.0', 80, { ready: false, serving: true, terminating: true }),
        ep('10.0.0.1', 80, { ready: false, serving: false, terminating: true }),
      ],
    });
    const r = categorizeEndpoints(sp, NODE);
    expect(names(r.clusterEndpoints)).toEqual(['10.0.0.0:80']);
    expect(r.hasAnyEndpoints).toBe(true);
  });

  it('reports no endpoints when nothing is ready or serving', () => {
    const sp = svcPort({ namespace: 'ns', name: 's', endpoints: [ep('10.0.0.0', 80, { ready: false, serving: false })] });
    const r = categorizeEndpoints(sp, NODE);
    expect(r.clusterEndpoints).toEqual([]);
    expect(r.hasAnyEndpoints).toBe(false);
  });

  it('internalTrafficPolicy Local keeps this node only, but still sees remote endpoints exist', () => {
    const sp = svcPort({
      namespace: 'ns', name: 's', internalPolicyLocal: true,
      endpoints: [ep('10.0.0.0', 80, { nodeName: 'other' }), ep('10.0.0.1', 80, { nodeName: NODE })],
    });
    const r = categorizeEndpoints(sp, NODE);
    expect(r.clusterEndpoints).toEqual([]);
    expect(names(r.localEndpoints)).toEqual(['10.0.0.1:80']);
    expect(names(r.allReachable)).toEqual(['10.0.0.1:80']);
    expect(r.hasAnyEndpoints).toBe(true);
  });

  it('internalTrafficPolicy Local with only remote endpoints: none local, yet hasAnyEndpoints', () => {
    const sp = svcPort({
      namespace: 'ns', name: 's', internalPolicyLocal: true,
      endpoints: [ep('10.0.0.0', 80, { nodeName: 'other' })],
    });
    const r = categorizeEndpoints(sp, NODE);
    expect(r.localEndpoints).toEqual([]);
    expect(r.allReachable).toEqual([]);
    expect(r.hasAnyEndpoints).toBe(true);
  });

  it('externalTrafficPolicy Local: cluster gets all ready, local gets this node, union is cluster', () => {
    const sp = svcPort({
      namespace: 'ns', name: 's', nodePort: 30080, externalPolicyLocal: true,
      endpoints: [ep('10.0.0.0', 80, { nodeName: 'other' }), ep('10.0.0.1', 80, { nodeName: NODE })],
    });
    const r = categorizeEndpoints(sp, NODE);
    expect(names(r.clusterEndpoints)).toEqual(['10.0.0.0:80', '10.0.0.1:80']);
    expect(names(r.localEndpoints)).toEqual(['10.0.0.1:80']);
    expect(names(r.allReachable)).toEqual(['10.0.0.0:80', '10.0.0.1:80']);
  });

  it('local fallback to a terminating endpoint merges it into the reachable set', () => {
    const sp = svcPort({
      namespace: 'ns', name: 's', nodePort: 30080, externalPolicyLocal: true,
      endpoints: [
        ep('10.0.0.0', 80, { nodeName: 'other' }),
        ep('10.0.0.1', 80, { nodeName: NODE, ready: false, serving: true, terminating: true }),
      ],
    });
    const r = categorizeEndpoints(sp, NODE);
    expect(names(r.clusterEndpoints)).toEqual(['10.0.0.0:80']);
    expect(names(r.localEndpoints)).toEqual(['10.0.0.1:80']);
    expect(names(r.allReachable)).toEqual(['10.0.0.0:80', '10.0.0.1:80']);
  });
});
