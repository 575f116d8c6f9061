/**
 * Deployment rollouts as k/k pkg/controller/deployment does them: rolling.go (the new
 * ReplicaSet grows within maxSurge, the old ones shrink while replicas - maxUnavailable
 * stay available), recreate.go, sync.go (scale: proportional scaling mid-rollout), and
 * util/deployment_util.go (ResolveFenceposts: surge rounds up, unavailable rounds down).
 */
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../model/types';
import { apply, newSim } from '../test-helpers';
import type { Simulation } from '../simulation';
import { fenceposts } from './rollout-math';

const deployment = (opts: { replicas?: number; image?: string; probe?: string; strategy?: string }) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${opts.replicas ?? 4}
  selector:
    matchLabels:
      app: web
${opts.strategy ?? ''}  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: ${opts.image ?? 'registry.k8s.io/e2e-test-images/agnhost:2.47'}
        args: ["serve-hostname"]
${opts.probe ?? ''}`;

const NEVER_READY = `        readinessProbe:
          exec:
            command: ["false"]
`;

function replicaSets(sim: Simulation): ReplicaSet[] {
  const revision = (rs: ReplicaSet) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision']);
  return sim.cluster.store.list('ReplicaSet', 'default').sort((a, b) => revision(a) - revision(b));
}

const sizes = (sim: Simulation) => replicaSets(sim).map((rs) => rs.spec.replicas);
const dep = (sim: Simulation) => sim.cluster.store.get('Deployment', 'default', 'web')!;

describe('rollout fenceposts (deployment_util.go ResolveFenceposts)', () => {
  const d = (replicas: number, maxSurge: number | string, maxUnavailable: number | string) =>
    ({ spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } } }) as unknown as Deployment;
  it('25% of 10: surge rounds up to 3, unavailable down to 2', () => expect(fenceposts(d(10, '25%', '25%'))).toEqual([3, 2]));
  it('25% of 3: surge 1, unavailable 0', () => expect(fenceposts(d(3, '25%', '25%'))).toEqual([1, 0]));
  it('0 and 0% make maxUnavailable 1', () => expect(fenceposts(d(4, 0, '0%'))).toEqual([0, 1]));
});

describe('RollingUpdate (rolling.go)', () => {
  it('a new template whose pods never become ready stalls the rollout; the old pods keep serving', () => {
    const sim = newSim();
    apply(sim, deployment({ replicas: 4 }));
    apply(sim, deployment({ replicas: 4, image: 'registry.k8s.io/e2e-test-images/agnhost:2.48', probe: NEVER_READY }));
    sim.advance(120);
    // 4 replicas: maxSurge 1, maxUnavailable 1. The new ReplicaSet gets surge + unavailable = 2, the old one keeps 3.
    expect(sizes(sim)).toEqual([3, 2]);
    const d = dep(sim);
    expect(d.status).toMatchObject({ replicas: 5, updatedReplicas: 2, availableReplicas: 3, unavailableReplicas: 2 });
    const slices = sim.cluster.store.list('Pod', 'default').filter((p) => p.status.ready);
    expect(slices).toHaveLength(3);
    expect(slices.every((p) => p.metadata.name.startsWith(replicaSets(sim)[0]!.metadata.name))).toBe(true);
  });

  it('a rollout with ready pods moves one step at a time within maxSurge and ends with the old ReplicaSet at 0', () => {
    const sim = newSim();
    apply(sim, deployment({ replicas: 3 }));
    apply(sim, deployment({ replicas: 3, image: 'registry.k8s.io/e2e-test-images/agnhost:2.48' }));
    expect(sizes(sim)).toEqual([0, 3]);
    const messages = sim.cluster.events.list(sim.cluster.clock.now(), 'default').filter((v) => v.event.reason === 'ScalingReplicaSet').map((v) => v.event.message);
    const [oldName, newName] = replicaSets(sim).map((rs) => rs.metadata.name);
    expect(messages).toEqual([
      `Scaled up replica set ${oldName} from 0 to 3`,
      `Scaled up replica set ${newName} from 0 to 1`,
      `Scaled down replica set ${oldName} from 3 to 2`,
      `Scaled up replica set ${newName} from 1 to 2`,
      `Scaled down replica set ${oldName} from 2 to 1`,
      `Scaled up replica set ${newName} from 2 to 3`,
      `Scaled down replica set ${oldName} from 1 to 0`,
    ]);
  });

  it('scaling a stalled rollout spreads the new replicas in proportion (sync.go scale, GetProportion)', () => {
    const sim = newSim();
    apply(sim, deployment({ replicas: 4 }));
    apply(sim, deployment({ replicas: 4, image: 'registry.k8s.io/e2e-test-images/agnhost:2.48', probe: NEVER_READY }));
    apply(sim, deployment({ replicas: 8, image: 'registry.k8s.io/e2e-test-images/agnhost:2.48', probe: NEVER_READY }));
    // max-replicas was 5, now 8 + 2 = 10: each ReplicaSet doubles.
    expect(sizes(sim)).toEqual([6, 4]);
  });
});

describe('Recreate (recreate.go)', () => {
  it('scales the old ReplicaSet to 0 and starts the new one once the old pods are gone', () => {
    const sim = newSim();
    const strategy = '  strategy:\n    type: Recreate\n';
    apply(sim, deployment({ replicas: 2, strategy }));
    apply(sim, deployment({ replicas: 2, strategy, image: 'registry.k8s.io/e2e-test-images/agnhost:2.48' }));
    expect(sizes(sim)).toEqual([0]);
    sim.advance(31);
    expect(sizes(sim)).toEqual([0, 2]);
  });
});
