// Deployment -> ReplicaSet -> Pods, scheduling, kubelet start-up and pod IPAM in a kind cluster.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCidr } from '../net/ip';
import { parseClusterConfig } from '../scenario/cluster-config';
import { applyOne, defaultScenario, newSim, pod, podsWithLabel, podYaml } from '../test-helpers';
import { NodeIpam } from './pod-ipam';
import { podTemplateHash } from './hash';
import { fitErrorMessage } from './scheduler';

const deploy = (replicas: number, image = 'nginx') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
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
        image: ${image}
`;

describe('names (k/k pkg/controller/controller_utils.go ComputeHash, apimachinery util/rand)', () => {
  it('ReplicaSet <deploy>-<pod-template-hash>, pods <rs>-<5 chars of util/rand alphanums>', () => {
    const sim = defaultScenario();
    const [rs] = sim.cluster.store.list('ReplicaSet', 'default');
    // SafeEncodeString maps the decimal FNV hash onto "bcdfghjklmnpqrstvwxz2456789": only 4-9, b, c, d, f appear
    expect(rs!.metadata.name).toMatch(/^web-[4-9bcdf]{6,10}$/);
    const pods = podsWithLabel(sim, 'app', 'web');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^${rs!.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.generateName).toBe(`${rs!.metadata.name}-`);
      expect(p.metadata.labels?.['pod-template-hash']).toBe(rs!.metadata.name.slice('web-'.length));
      expect(p.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'ReplicaSet', name: rs!.metadata.name, controller: true })]);
    }
  });

  it('the hash depends only on the template', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } };
    expect(podTemplateHash(t)).toBe(podTemplateHash(JSON.parse(JSON.stringify(t))));
    expect(podTemplateHash(t)).not.toBe(podTemplateHash({ ...t, spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] } }));
  });
});

describe('Deployment and ReplicaSet controllers', () => {
  it('scaling changes the pod count and status', () => {
    const sim = newSim();
    applyOne(sim, deploy(3));
    expect(podsWithLabel(sim, 'app', 'web')).toHaveLength(3);
    applyOne(sim, deploy(1));
    // Scaled-down pods terminate gracefully: nginx exits on SIGTERM, so about a second later they are gone.
    const pods = podsWithLabel(sim, 'app', 'web');
    expect(pods.filter((p) => p.metadata.deletionTimestamp !== undefined)).toHaveLength(2);
    sim.advance(1);
    expect(podsWithLabel(sim, 'app', 'web')).toHaveLength(1);
    const d = sim.cluster.store.get('Deployment', 'default', 'web')!;
    expect(d.status).toEqual({ replicas: 1, readyReplicas: 1, updatedReplicas: 1, availableReplicas: 1, unavailableReplicas: 0 });
  });

  it('a new template rolls to a new ReplicaSet and scales the old one to 0', () => {
    const sim = newSim();
    applyOne(sim, deploy(2));
    const [old] = sim.cluster.store.list('ReplicaSet', 'default');
    applyOne(sim, deploy(2, 'nginx:1.27'));
    const rss = sim.cluster.store.list('ReplicaSet', 'default');
    expect(rss).toHaveLength(2);
    expect(rss.find((r) => r.metadata.name === old!.metadata.name)!.spec.replicas).toBe(0);
    sim.advance(30);
    expect(podsWithLabel(sim, 'app', 'web').every((p) => p.spec.containers[0]!.image === 'nginx:1.27')).toBe(true);
    expect(sim.cluster.store.get('Deployment', 'default', 'web')!.metadata.generation).toBe(2);
  });

  it('deleting the Deployment removes its ReplicaSets and pods (garbage collector)', () => {
    const sim = newSim();
    applyOne(sim, deploy(2));
    sim.delete('Deployment', 'default', 'web');
    expect(sim.cluster.store.list('ReplicaSet', 'default')).toEqual([]);
    expect(podsWithLabel(sim, 'app', 'web').every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    sim.advance(30);
    expect(podsWithLabel(sim, 'app', 'web')).toEqual([]);
  });

  it('a deleted pod is replaced under a new name', () => {
    const sim = newSim();
    applyOne(sim, deploy(1));
    const [first] = podsWithLabel(sim, 'app', 'web');
    sim.delete('Pod', 'default', first!.metadata.name);
    const [second] = podsWithLabel(sim, 'app', 'web').filter((p) => p.metadata.deletionTimestamp === undefined);
    expect(second!.metadata.name).not.toBe(first!.metadata.name);
    expect(second!.status.podIP).not.toBe(first!.status.podIP);
  });
});

describe('scheduler', () => {
  it('honours the control-plane NoSchedule taint in a 3-node kind cluster', () => {
    const sim = newSim();
    applyOne(sim, deploy(12));
    const nodes = new Set(podsWithLabel(sim, 'app', 'web').map((p) => p.spec.nodeName));
    expect(nodes).toEqual(new Set(['kind-worker', 'kind-worker2']));
  });

  it('spreads identical pods evenly over the workers', () => {
    const sim = newSim();
    applyOne(sim, deploy(6));
    const count = (n: string) => podsWithLabel(sim, 'app', 'web').filter((p) => p.spec.nodeName === n).length;
    expect([count('kind-worker'), count('kind-worker2')]).toEqual([3, 3]);
  });

  it('a single-node kind cluster has no taint, so pods run on the control plane', () => {
    const sim = newSim(1, parseClusterConfig('kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n'));
    applyOne(sim, deploy(2));
    expect(podsWithLabel(sim, 'app', 'web').map((p) => p.spec.nodeName)).toEqual(['kind-control-plane', 'kind-control-plane']);
  });

  it('a pinned nodeName is kept', () => {
    const sim = newSim();
    applyOne(sim, podYaml('p', { a: 'b' }).replace('spec:\n', 'spec:\n  nodeName: kind-worker2\n'));
    expect(pod(sim, 'p').spec.nodeName).toBe('kind-worker2');
  });
});

describe('a pod no node fits (k/k pkg/scheduler/schedule_one.go handleSchedulingFailure, framework/types.go FitError.Error)', () => {
  const failures = (sim: ReturnType<typeof newSim>, name: string) =>
    sim.cluster.events.about(pod(sim, name).metadata.uid, sim.cluster.clock.now()).filter((v) => v.event.reason === 'FailedScheduling');
  const selecting = (sel: string) => podYaml('picky', { a: 'b' }).replace('spec:\n', `spec:\n  nodeSelector:\n    ${sel}\n`);

  it('stays Pending with one Warning FailedScheduling from default-scheduler: reasons counted per node, sorted, then preemption', () => {
    const sim = newSim();
    applyOne(sim, selecting('disktype: ssd'));
    sim.advance(30);
    expect(pod(sim, 'picky').spec.nodeName).toBeUndefined();
    expect(pod(sim, 'picky').status.phase).toBe('Pending');
    const [ev, ...more] = failures(sim, 'picky');
    expect(more).toEqual([]);
    expect(ev!.event.type).toBe('Warning');
    expect(ev!.event.source).toEqual({ component: 'default-scheduler' });
    // TaintToleration filters before NodeAffinity: the control plane fails on its taint, the workers on the selector.
    expect(ev!.event.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    expect(ev!.count).toBe(1);
  });

  it('a selector only the tainted control plane matches names the untolerated taint alone', () => {
    const sim = newSim();
    applyOne(sim, selecting('node-role.kubernetes.io/control-plane: ""'));
    expect(failures(sim, 'picky')[0]!.event.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    // With the toleration (v1 toleration.go ToleratesTaint: Exists with the key) it fits the control plane.
    const sim2 = newSim();
    applyOne(sim2, selecting('node-role.kubernetes.io/control-plane: ""').replace('spec:\n', 'spec:\n  tolerations:\n  - key: node-role.kubernetes.io/control-plane\n    operator: Exists\n    effect: NoSchedule\n'));
    expect(pod(sim2, 'picky').spec.nodeName).toBe('kind-control-plane');
    expect(failures(sim2, 'picky')).toEqual([]);
  });

  it('with no nodes at all it says so (schedule_one.go ErrNoNodesAvailable)', () => {
    const sim = newSim();
    for (const n of sim.cluster.store.list('Node')) sim.cluster.remove(n);
    applyOne(sim, podYaml('lonely', { a: 'b' }));
    expect(failures(sim, 'lonely').map((v) => v.event.message)).toEqual(['no nodes available to schedule pods']);
  });

  it('the reason histogram sorts as strings (FitError.Error sort.Strings)', () => {
    expect(fitErrorMessage(5, ['b', 'a', 'b', 'b'])).toBe('0/5 nodes are available: 1 a, 3 b. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.');
    expect(fitErrorMessage(12, [...Array(10).fill('x'), 'y', 'y'])).toBe('0/12 nodes are available: 10 x, 2 y. preemption: 0/12 nodes are available: 12 Preemption is not helpful for scheduling.');
  });

  it('schedules normally once a node fits; the failure is not recorded again while nothing changes', () => {
    const sim = newSim();
    applyOne(sim, selecting('disktype: ssd'));
    sim.advance(600);
    expect(failures(sim, 'picky')).toHaveLength(1);
    const worker = sim.cluster.store.get('Node', undefined, 'kind-worker2')!;
    worker.metadata.labels = { ...worker.metadata.labels, disktype: 'ssd' };
    sim.cluster.update(worker);
    sim.settle();
    expect(pod(sim, 'picky').spec.nodeName).toBe('kind-worker2');
    expect(failures(sim, 'picky')[0]!.count).toBe(1);
  });
});

describe('kubelet', () => {
  it('starts a scheduled pod: Running, pod IP, host IP, ready', () => {
    const sim = newSim();
    applyOne(sim, podYaml('p', { a: 'b' }).replace('spec:\n', 'spec:\n  nodeName: kind-worker\n'));
    expect(pod(sim, 'p').status).toMatchObject({ phase: 'Running', podIP: '10.244.1.2', hostIP: '172.18.0.3', ready: true });
  });

  it('reports ready only after the readiness probe initial delay on the simulation clock', () => {
    const sim = newSim();
    applyOne(sim, podYaml('p', { a: 'b' }, { readyAfter: 10 }));
    expect(pod(sim, 'p').status.ready).toBe(false);
    sim.advance(9);
    expect(pod(sim, 'p').status.ready).toBe(false);
    sim.advance(1);
    expect(pod(sim, 'p').status.ready).toBe(true);
  });
});

describe('pod IPAM (kindnet host-local)', () => {
  it('hands out .2 upward and does not reuse a freed address at once', () => {
    const ipam = new NodeIpam(parseCidr('10.244.1.0/24')!);
    expect([ipam.allocate(), ipam.allocate(), ipam.allocate()]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    ipam.release('10.244.1.3');
    expect(ipam.allocate()).toBe('10.244.1.5');
  });

  it('wraps around to freed addresses when the range runs out, and never gives .0, .1 or .255', () => {
    const ipam = new NodeIpam(parseCidr('10.244.1.0/24')!);
    const all = Array.from({ length: 253 }, () => ipam.allocate());
    expect(all[252]).toBe('10.244.1.254');
    expect(ipam.allocate()).toBeNull();
    ipam.release('10.244.1.7');
    expect(ipam.allocate()).toBe('10.244.1.7');
  });

  it('every pod IP lies in its node podCIDR (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }), (seed, up, down) => {
        const sim = newSim(seed);
        applyOne(sim, deploy(up));
        applyOne(sim, deploy(down));
        applyOne(sim, deploy(up));
        for (const p of sim.cluster.store.list('Pod')) {
          if (p.spec.hostNetwork || !p.status.podIP) continue;
          const node = sim.cluster.store.get('Node', undefined, p.spec.nodeName!)!;
          const cidr = parseCidr(node.spec.podCIDR)!;
          const [a, b, c] = p.status.podIP.split('.').map(Number);
          expect(`${a}.${b}.${c}.0/24`).toBe(cidr.text);
        }
        const ips = sim.cluster.store.list('Pod').filter((p) => !p.spec.hostNetwork).map((p) => p.status.podIP);
        expect(new Set(ips).size).toBe(ips.length);
      }),
      { numRuns: 25 },
    );
  });
});

// The kubelet's maxPods (110 by default, pkg/kubelet/apis/config/v1beta1/defaults.go) is the node's
// allocatable pods; NodeResourcesFit (plugins/noderesources/fit.go) says "Too many pods" past it, and
// DefaultPreemption finds no lower-priority victim there (default_preemption.go SelectVictimsOnNode).
describe('max-pods: 110 pods a node', () => {
  it('fills the workers to 110 pods each (their system pods count), then says Too many pods', () => {
    const sim = newSim();
    applyOne(sim, deploy(250));
    sim.settle();
    const pods = sim.cluster.store.list('Pod');
    for (const node of ['kind-worker', 'kind-worker2']) expect(pods.filter((p) => p.spec.nodeName === node)).toHaveLength(110);
    const pending = pods.filter((p) => p.metadata.labels?.app === 'web' && !p.spec.nodeName);
    expect(pending.length).toBeGreaterThan(0);
    const ev = sim.cluster.events.about(pending[0]!.metadata.uid, sim.cluster.clock.now()).find((v) => v.event.reason === 'FailedScheduling')!;
    expect(ev.event.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Too many pods. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    // Scaling down frees room: the pending pods go away first (the ReplicaSet deletes unscheduled pods first).
    applyOne(sim, deploy(150));
    sim.settle();
    expect(sim.cluster.store.list('Pod').filter((p) => p.metadata.labels?.app === 'web' && !p.spec.nodeName && p.metadata.deletionTimestamp === undefined)).toHaveLength(0);
  });
});
