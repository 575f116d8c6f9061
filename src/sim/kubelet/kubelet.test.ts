import { describe, expect, it } from 'vitest';
import { apply, defaultScenario, newSim } from '../test-helpers';
import type { Pod } from '../model/types';
import type { Simulation } from '../simulation';

const probedApp = (probe: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: registry.k8s.io/e2e-test-images/agnhost:2.47
        args: ["netexec", "--http-port=8080"]
        ports:
        - name: http
          containerPort: 8080
        readinessProbe:
${probe}
`;

function webPod(sim: Simulation): Pod {
  return sim.cluster.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp)!;
}

describe('readiness probes (k/k pkg/kubelet/prober: initialDelaySeconds, periodSeconds, failureThreshold 3)', () => {
  it('an httpGet probe on a port the server listens on makes the pod ready after initialDelaySeconds', () => {
    const sim = newSim();
    apply(sim, probedApp('          httpGet:\n            path: /hostname\n            port: http\n          initialDelaySeconds: 15'));
    expect(webPod(sim).status.ready).toBe(false);
    sim.advance(14);
    expect(webPod(sim).status.ready).toBe(false);
    sim.advance(1);
    expect(webPod(sim).status.ready).toBe(true);
  });

  it('a probe on a port nothing listens on keeps the pod out of the endpoints', () => {
    const sim = newSim();
    apply(sim, probedApp('          tcpSocket:\n            port: 9999'));
    sim.advance(60);
    expect(webPod(sim).status.ready).toBe(false);
  });

  it('an exec probe follows the file: ready at the next period after touch, unready three failures after rm', () => {
    const sim = newSim();
    apply(sim, probedApp('          exec:\n            command: ["cat", "/tmp/ready"]\n          periodSeconds: 10'));
    const pod = webPod(sim);
    expect(pod.status.ready).toBe(false);
    pod.status.files = ['/tmp/ready'];
    sim.advance(1);
    expect(webPod(sim).status.ready).toBe(false);
    sim.advance(9);
    expect(webPod(sim).status.ready).toBe(true);
    webPod(sim).status.files = [];
    sim.advance(10);
    expect(webPod(sim).status.ready).toBe(true);
    sim.advance(20);
    expect(webPod(sim).status.ready).toBe(false);
  });

  it('a `touch` in the container command creates the file at start', () => {
    const sim = newSim();
    apply(sim, probedApp('          exec:\n            command: ["cat", "/tmp/healthy"]').replace('args: ["netexec", "--http-port=8080"]', 'command: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 3600"]'));
    expect(webPod(sim).status.ready).toBe(true);
  });
});

describe('graceful termination (terminationGracePeriodSeconds 30)', () => {
  it('a deleted serve-hostname pod stays Terminating for the grace period, serving but not ready in its slice', () => {
    const sim = defaultScenario();
    const pod = sim.cluster.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'web')!;
    sim.delete('Pod', 'default', pod.metadata.name);
    const still = sim.cluster.store.get('Pod', 'default', pod.metadata.name)!;
    expect(still.metadata.deletionTimestamp).toBe(30);
    const ep = sim.cluster.store.list('EndpointSlice', 'default').flatMap((s) => s.endpoints).find((e) => e.addresses[0] === pod.status.podIP)!;
    // staging/src/k8s.io/endpointslice/utils.go podToEndpoint
    expect(ep.conditions).toEqual({ ready: false, serving: true, terminating: true });
    const endpoints = sim.cluster.store.get('Endpoints', 'default', 'web')!;
    expect(JSON.stringify(endpoints.subsets)).not.toContain(pod.status.podIP!);
    sim.advance(29);
    expect(sim.cluster.store.get('Pod', 'default', pod.metadata.name)).toBeDefined();
    sim.advance(1);
    expect(sim.cluster.store.get('Pod', 'default', pod.metadata.name)).toBeUndefined();
  });

  it('a pause pod exits on SIGTERM and goes within a second; grace 0 removes it at once', () => {
    const sim = defaultScenario();
    sim.delete('Pod', 'default', 'client');
    expect(sim.cluster.store.get('Pod', 'default', 'client')).toBeDefined();
    sim.advance(1);
    expect(sim.cluster.store.get('Pod', 'default', 'client')).toBeUndefined();
    const web = sim.cluster.store.list('Pod', 'default')[0]!;
    sim.delete('Pod', 'default', web.metadata.name, { graceSeconds: 0 });
    expect(sim.cluster.store.get('Pod', 'default', web.metadata.name)).toBeUndefined();
  });

  it('the replacement pod gets a new IP; the terminating pod keeps its own until it is gone', () => {
    const sim = defaultScenario();
    const before = new Set(sim.cluster.store.list('Pod', 'default').map((p) => p.status.podIP));
    const victim = sim.cluster.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'web')!;
    sim.delete('Pod', 'default', victim.metadata.name);
    const replacement = sim.cluster.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'web' && !before.has(p.status.podIP))!;
    expect(replacement.status.podIP).toBeDefined();
    expect(replacement.status.podIP).not.toBe(victim.status.podIP);
  });
});
