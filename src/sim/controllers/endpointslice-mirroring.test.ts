import { describe, expect, it } from 'vitest';
import { apply, newSim } from '../test-helpers';
import { MIRROR_MANAGER } from './endpointslice-mirroring';

// k/k pkg/controller/endpointslicemirroring: user-written Endpoints of a selector-less
// Service are mirrored into EndpointSlices managed by endpointslicemirroring-controller.k8s.io.
const manual = (ip: string) => `apiVersion: v1
kind: Service
metadata:
  name: legacy-db
spec:
  ports:
  - port: 5432
---
apiVersion: v1
kind: Endpoints
metadata:
  name: legacy-db
subsets:
- addresses:
  - ip: ${ip}
  ports:
  - port: 5432
`;

const mirroredSlices = (sim: ReturnType<typeof newSim>) =>
  sim.cluster.store.list('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === MIRROR_MANAGER);

describe('EndpointSlice mirroring', () => {
  it('copies hand-made Endpoints into a slice with the service-name label', () => {
    const sim = newSim();
    apply(sim, manual('172.18.0.100'));
    const [slice] = mirroredSlices(sim);
    expect(slice!.metadata.labels!['kubernetes.io/service-name']).toBe('legacy-db');
    expect(slice!.endpoints.map((e) => e.addresses[0])).toEqual(['172.18.0.100']);
    expect(slice!.ports).toEqual([{ name: '', port: 5432, protocol: 'TCP' }]);
  });

  // pkg/controller/endpointslicemirroring/utils.go addressToEndpoint: Conditions{Ready: &ready} alone.
  it('sets only the ready condition on mirrored endpoints', () => {
    const sim = newSim();
    apply(sim, manual('10.0.0.5'));
    expect(mirroredSlices(sim)[0]!.endpoints.map((e) => e.conditions)).toEqual([{ ready: true }]);
  });

  it('follows edits of the Endpoints and goes with them', () => {
    const sim = newSim();
    apply(sim, manual('172.18.0.100'));
    apply(sim, manual('172.18.0.101'));
    expect(mirroredSlices(sim).flatMap((s) => s.endpoints.map((e) => e.addresses[0]))).toEqual(['172.18.0.101']);
    sim.delete('Endpoints', 'default', 'legacy-db');
    expect(mirroredSlices(sim)).toEqual([]);
  });

  it('leaves Endpoints of a Service with a selector, and the kubernetes Service, alone', () => {
    const sim = newSim();
    apply(sim, manual('172.18.0.100').replace('spec:\n  ports:', 'spec:\n  selector:\n    app: db\n  ports:'));
    expect(mirroredSlices(sim)).toEqual([]);
    expect(sim.cluster.store.list('EndpointSlice', 'default').map((s) => s.metadata.name)).toContain('kubernetes');
  });
});
