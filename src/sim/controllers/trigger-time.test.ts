// endpoints.kubernetes.io/last-change-trigger-time on Endpoints and EndpointSlices:
// k/k pkg/controller/util/endpoint/trigger_time_tracker.go (the earliest changed trigger time:
// a pod's Ready lastTransitionTime, the Service's creationTimestamp), set by
// pkg/controller/endpoint/endpoints_controller.go syncService and the EndpointSlice reconciler
// (staging/src/k8s.io/endpointslice/reconciler.go) on the objects they write, RFC3339 in UTC.
import { describe, expect, it } from 'vitest';
import { simTimeToIso } from '../clock';
import { apply, newSim, podYaml, serviceYaml } from '../test-helpers';
import { TRIGGER_TIME_ANNOTATION } from './trigger-time';

const webSvc = serviceYaml('web', '  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n');

describe('last-change-trigger-time', () => {
  it('is the Service creation on the first sync, then the pod readiness change that triggered an update', () => {
    const sim = newSim();
    sim.advance(100);
    apply(sim, webSvc);
    const ep = () => sim.cluster.store.get('Endpoints', 'default', 'web')!;
    const slice = () => sim.cluster.store.list('EndpointSlice', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')!;
    const svcTime = sim.cluster.store.get('Service', 'default', 'web')!.metadata.creationTimestamp;
    expect(ep().metadata.annotations?.[TRIGGER_TIME_ANNOTATION]).toBe(simTimeToIso(svcTime));
    expect(slice().metadata.annotations?.[TRIGGER_TIME_ANNOTATION]).toBe(simTimeToIso(svcTime));
    sim.advance(50);
    apply(sim, podYaml('a', { app: 'web' }, { readyAfter: 30 }));
    sim.advance(40);
    const pod = sim.cluster.store.get('Pod', 'default', 'a')!;
    expect(pod.status.ready).toBe(true);
    expect(ep().metadata.annotations?.[TRIGGER_TIME_ANNOTATION]).toBe(simTimeToIso(pod.status.readyAt!));
    expect(slice().metadata.annotations?.[TRIGGER_TIME_ANNOTATION]).toBe(simTimeToIso(pod.status.readyAt!));
  });
});
