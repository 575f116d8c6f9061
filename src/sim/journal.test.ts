// The controllers' watch streams: each reader sees every write since it last caught up,
// a full pass first, and a full resync after any history finds nothing left to do
// (the informer guarantee upstream: k8s.io/client-go/tools/cache, resync).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeJournal } from './journal';
import type { KubeObject } from './model/types';
import { apply, newSim } from './test-helpers';

const obj = (name: string) => ({ kind: 'Namespace', metadata: { name } }) as unknown as KubeObject;

describe('ChangeJournal', () => {
  it('gives a new reader everything, then what was written since it caught up (its own writes included)', () => {
    const j = new ChangeJournal();
    j.record(obj('a'));
    expect(j.since('r')).toBe('all');
    j.caughtUp('r');
    j.record(obj('b'));
    j.record(obj('c'));
    expect((j.since('r') as KubeObject[]).map((o) => o.metadata.name)).toEqual(['b', 'c']);
    j.caughtUp('r');
    expect(j.since('r')).toEqual([]);
  });

  it('compacts only what every reader has read', () => {
    const j = new ChangeJournal();
    j.caughtUp('fast');
    j.caughtUp('slow');
    j.record(obj('a'));
    j.caughtUp('fast');
    j.record(obj('b'));
    j.compact();
    expect((j.since('slow') as KubeObject[]).map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect((j.since('fast') as KubeObject[]).map((o) => o.metadata.name)).toEqual(['b']);
  });
});

const deployment = (name: string, replicas: number, app: string, probed: boolean) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      run: ${name}
  template:
    metadata:
      labels:
        run: ${name}
        app: ${app}
    spec:
      containers:
      - name: c
        image: registry.k8s.io/e2e-test-images/agnhost:2.47
        args: ["serve-hostname"]
${probed ? '        readinessProbe:\n          exec:\n            command: ["cat", "/tmp/ready"]\n          periodSeconds: 5\n' : ''}`;

const service = (name: string, app: string, headless: boolean, publishNotReady: boolean) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${headless ? '  clusterIP: None\n' : ''}${publishNotReady ? '  publishNotReadyAddresses: true\n' : ''}  selector:
    app: ${app}
  ports:
  - port: 80
    targetPort: 9376
`;

const opArb = fc.oneof(
  fc.record({ op: fc.constant('deploy' as const), name: fc.constantFrom('d1', 'd2'), replicas: fc.integer({ min: 0, max: 4 }), app: fc.constantFrom('x', 'y'), probed: fc.boolean() }),
  fc.record({ op: fc.constant('service' as const), name: fc.constantFrom('s1', 's2'), app: fc.constantFrom('x', 'y'), headless: fc.boolean(), publish: fc.boolean() }),
  fc.record({ op: fc.constant('relabel' as const), pick: fc.nat(), app: fc.constantFrom('x', 'y', 'z') }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('touch' as const), pick: fc.nat(), ready: fc.boolean() }),
  fc.record({ op: fc.constant('sleep' as const), seconds: fc.integer({ min: 1, max: 40 }) }),
);

describe('controllers fed by the journal', () => {
  it('after any sequence of changes, a full resync of every controller writes nothing', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 12 }), (ops) => {
        const sim = newSim();
        const userPods = () => sim.cluster.store.list('Pod', 'default');
        for (const o of ops) {
          const pods = userPods();
          const target = pods.length ? pods[('pick' in o ? o.pick : 0) % pods.length] : undefined;
          if (o.op === 'deploy') apply(sim, deployment(o.name, o.replicas, o.app, o.probed));
          else if (o.op === 'service') apply(sim, service(o.name, o.app, o.headless, o.publish));
          else if (o.op === 'sleep') sim.advance(o.seconds);
          else if (target && o.op === 'relabel') {
            target.metadata.labels = { ...target.metadata.labels, app: o.app };
            sim.cluster.update(target);
            sim.settle();
          } else if (target && o.op === 'delete') sim.delete('Pod', 'default', target.metadata.name);
          else if (target && o.op === 'touch') {
            target.status.files = o.ready ? ['/tmp/ready'] : [];
            sim.cluster.noticed(target);
            sim.settle();
          }
        }
        const version = sim.cluster.version;
        sim.cluster.journal.restartReaders();
        sim.settle();
        expect(sim.cluster.version).toBe(version);
      }),
      { numRuns: 150 },
    );
  });
});
