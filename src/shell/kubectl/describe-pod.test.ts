/**
 * kubectl describe pod, checked against staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * (describePod, describePodIPs, describeContainerBasicInfo, describeContainerPorts,
 * describeContainerHostPorts, DescribeProbe) as of v1.33, and against a real v1.32
 * client's output for the same objects.
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../test-shell';

const PORTS_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: multi
spec:
  containers:
  - name: app
    image: nginx
    ports:
    - name: http
      containerPort: 80
    - containerPort: 53
      protocol: UDP
    readinessProbe:
      httpGet:
        port: 80
      timeoutSeconds: 2
      failureThreshold: 5
`;

const STUCK_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: stuck
spec:
  nodeSelector:
    disk: none
  containers:
  - name: app
    image: nginx
`;

describe('kubectl describe pod', () => {
  it('shows the runtime\'s Container ID and Image ID once the container has a status, aligned with the block', () => {
    const t = testShell({ 'multi.yaml': PORTS_YAML });
    t.run('kubectl apply -f multi.yaml');
    const out = t.run('kubectl describe pod multi');
    expect(out).toMatch(/\n {4}Container ID: {3}containerd:\/\/[0-9a-f]{64}\n {4}Image: {10}nginx\n {4}Image ID: {7}docker\.io\/library\/nginx@sha256:[0-9a-f]{64}\n/);
  });

  it('says Ports/Host Ports for several ports, each with its own protocol and (in v1.33) without the port names', () => {
    const t = testShell({ 'multi.yaml': PORTS_YAML });
    t.run('kubectl apply -f multi.yaml');
    const out = t.run('kubectl describe pod multi');
    expect(out).toMatch(/\n {4}Ports: +80\/TCP, 53\/UDP\n {4}Host Ports: +0\/TCP, 0\/UDP\n/);
  });

  it('prints the readiness probe with the API server\'s defaults filled in (SetDefaults_Probe)', () => {
    const t = testShell({ 'multi.yaml': PORTS_YAML });
    t.run('kubectl apply -f multi.yaml');
    expect(t.run('kubectl describe pod multi')).toMatch(/\n {4}Readiness: +http-get http:\/\/:80\/ delay=0s timeout=2s period=10s #success=1 #failure=5\n/);
  });

  it('says IPs: <none> and leaves out the container state for a pod no node took', () => {
    const t = testShell({ 'stuck.yaml': STUCK_YAML });
    t.run('kubectl apply -f stuck.yaml');
    const out = t.run('kubectl describe pod stuck');
    expect(out).toMatch(/\nIP:\s+\nIPs:\s+<none>\n/);
    expect(out).not.toMatch(/Container ID:|State:|Restart Count:/);
    expect(out).toMatch(/\n {4}Image: {8}nginx\n/);
  });

  it('a pod no node took: only the PodScheduled condition, and the scheduler\'s FailedScheduling under Events (schedule_one.go, FitError.Error)', () => {
    const t = testShell({ 'stuck.yaml': STUCK_YAML });
    t.run('kubectl apply -f stuck.yaml');
    const out = t.run('kubectl describe pod stuck');
    expect(out).toMatch(/\nConditions:\n {2}Type {11}Status\n {2}PodScheduled {3}False \nVolumes:\n/);
    expect(out).toMatch(
      /\n {2}Warning {2}FailedScheduling {2}\d+s +default-scheduler {2}0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}, 2 node\(s\) didn't match Pod's node affinity\/selector\. preemption: 0\/3 nodes are available: 3 Preemption is not helpful for scheduling\.\n/,
    );
    expect(t.run('kubectl get pod stuck')).toMatch(/\nstuck +0\/1 +Pending +0 /);
  });

  it('lists the pod\'s own tolerations before the two DefaultTolerationSeconds adds (describe.go printTolerationsMultilineWithIndent)', () => {
    const yaml = STUCK_YAML.replace('spec:\n', 'spec:\n  tolerations:\n  - key: node-role.kubernetes.io/control-plane\n    operator: Exists\n    effect: NoSchedule\n  - key: dedicated\n    value: gpu\n    effect: NoExecute\n    tolerationSeconds: 60\n  - operator: Exists\n');
    const t = testShell({ 'stuck.yaml': yaml });
    t.run('kubectl apply -f stuck.yaml');
    const out = t.run('kubectl describe pod stuck');
    expect(out).toMatch(
      /\nTolerations: +node-role\.kubernetes\.io\/control-plane:NoSchedule op=Exists\n +dedicated=gpu:NoExecute for 60s\n +op=Exists\n +node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s\n +node\.kubernetes\.io\/unreachable:NoExecute op=Exists for 300s\n/,
    );
  });

  it('says how long a terminating pod has left, "<invalid>" while its deletionTimestamp is ahead, and its grace period', () => {
    const t = testShell({ 'multi.yaml': PORTS_YAML });
    t.run('kubectl apply -f multi.yaml');
    t.run('kubectl delete pod multi --grace-period=20 --wait=false');
    const out = t.run('kubectl describe pod multi');
    expect(out).toMatch(/\nStatus: +Terminating \(lasts <invalid>\)\nTermination Grace Period: +20s\n/);
  });
});

// describe.go describeResources (Limits, then Requests) and describeContainerProbe (Liveness,
// Readiness, Startup), over the pod as SetDefaults_Pod and SetDefaults_Probe leave it
// (pkg/apis/core/v1/defaults.go); the QoS class as pkg/apis/core/v1/helper/qos GetPodQOS gives it.
describe('kubectl describe pod: probes and resources', () => {
  const yaml = (resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    livenessProbe:
      httpGet:
        path: /healthz
        port: 80
      initialDelaySeconds: 3
    startupProbe:
      exec:
        command: ["true"]
      failureThreshold: 30
${resources}`;

  it('prints Liveness and Startup lines with the defaulted counts', () => {
    const t = testShell({ 'p.yaml': yaml('') });
    t.run('kubectl apply -f p.yaml');
    const out = t.stdout('kubectl describe pod p');
    expect(out).toMatch(/\n {4}Liveness: +http-get http:\/\/:80\/healthz delay=3s timeout=1s period=10s #success=1 #failure=3\n {4}Startup: +exec \[true\] delay=0s timeout=1s period=10s #success=1 #failure=30\n/);
    expect(out).toMatch(/\nQoS Class: +BestEffort\n/);
  });

  it('defaults a pod\'s requests from its limits: Guaranteed when they cover cpu and memory', () => {
    const t = testShell({ 'p.yaml': yaml('    resources:\n      limits:\n        cpu: "0.5"\n        memory: 128Mi\n') });
    t.run('kubectl apply -f p.yaml');
    expect(t.stdout('kubectl describe pod p')).toContain('\n    Limits:\n      cpu:     500m\n      memory:  128Mi\n    Requests:\n      cpu:        500m\n      memory:     128Mi\n    Liveness: ');
    expect(t.stdout('kubectl get pod p -o jsonpath={.status.qosClass}')).toBe('Guaranteed');
  });

  it('is Burstable when a request is below its limit or a limit is missing', () => {
    const t = testShell({ 'p.yaml': yaml('    resources:\n      requests:\n        cpu: 100m\n      limits:\n        memory: 64Mi\n') });
    t.run('kubectl apply -f p.yaml');
    expect(t.stdout('kubectl get pod p -o jsonpath={.spec.containers[0].resources}')).toBe('{"limits":{"memory":"64Mi"},"requests":{"cpu":"100m","memory":"64Mi"}}');
    expect(t.stdout('kubectl describe pod p')).toMatch(/\nQoS Class: +Burstable\n/);
  });
});
