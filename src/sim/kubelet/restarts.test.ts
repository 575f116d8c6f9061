import { describe, expect, it } from 'vitest';
import { apply, newSim } from '../test-helpers';
import type { Container, Pod } from '../model/types';
import type { Simulation } from '../simulation';
import { mainProcess } from './main-process';
import { containerLife, goDuration, invalidImageMessage } from './restarts';

const container = (image: string, extra: Partial<Container> = {}): Container => ({ name: 'c', image, ...extra });

function pod(sim: Simulation, name: string, image: string, opts: { command?: string[]; args?: string[]; restartPolicy?: string; labels?: string } = {}): Pod {
  const lines = [`apiVersion: v1`, `kind: Pod`, `metadata:`, `  name: ${name}`, ...(opts.labels ? [`  labels: {${opts.labels}}`] : []), `spec:`];
  if (opts.restartPolicy) lines.push(`  restartPolicy: ${opts.restartPolicy}`);
  lines.push(`  containers:`, `  - name: ${name}`, `    image: ${image}`);
  if (opts.command) lines.push(`    command: ${JSON.stringify(opts.command)}`);
  if (opts.args) lines.push(`    args: ${JSON.stringify(opts.args)}`);
  apply(sim, lines.join('\n') + '\n');
  return sim.cluster.store.get('Pod', 'default', name)!;
}

describe('which main processes end (judged from image and command)', () => {
  it('servers and endless commands keep running', () => {
    for (const c of [
      container('nginx'),
      container('registry.k8s.io/e2e-test-images/agnhost:2.47', { args: ['serve-hostname'] }),
      container('registry.k8s.io/e2e-test-images/agnhost:2.47', { args: ['netexec', '--http-port=8080'] }),
      container('busybox', { command: ['sleep', 'infinity'] }),
      container('busybox', { command: ['tail', '-f', '/dev/null'] }),
      container('busybox', { command: ['sh', '-c', 'while true; do echo hi; sleep 1; done'] }),
      container('busybox', { stdin: true, tty: true }),
    ]) expect(mainProcess(c), JSON.stringify(c)).toEqual({ ends: false });
  });

  it('short commands end at once with their exit code; sleep N after N seconds', () => {
    expect(mainProcess(container('busybox'))).toEqual({ ends: true, seconds: 0, exitCode: 0 });
    expect(mainProcess(container('busybox:1.36', { args: ['echo', 'hi'] }))).toEqual({ ends: true, seconds: 0, exitCode: 0 });
    expect(mainProcess(container('busybox:1.36', { command: ['false'] }))).toEqual({ ends: true, seconds: 0, exitCode: 1 });
    expect(mainProcess(container('busybox:1.36', { command: ['sleep', '30'] }))).toEqual({ ends: true, seconds: 30, exitCode: 0 });
    expect(mainProcess(container('busybox:1.36', { command: ['sleep', '2m'] }))).toEqual({ ends: true, seconds: 120, exitCode: 0 });
    expect(mainProcess(container('busybox:1.36', { command: ['sh', '-c', 'echo start; sleep 5; exit 3'] }))).toEqual({ ends: true, seconds: 5, exitCode: 3 });
    expect(mainProcess(container('busybox:1.36', { command: ['sh', '-c', 'false || echo recovered'] }))).toEqual({ ends: true, seconds: 0, exitCode: 0 });
    expect(mainProcess(container('busybox:1.36', { command: ['sh', '-c', 'echo hi; sleep 3600'] }))).toEqual({ ends: true, seconds: 3600, exitCode: 0 });
  });
});

describe('crash back-off (k/k pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff, client-go util/flowcontrol/backoff.go)', () => {
  it('restarts at once after the first exit, then waits 10s, 20s, 40s ... up to 300s from finishedAt', () => {
    const sim = newSim();
    const p = pod(sim, 'crash', 'busybox:1.36', { command: ['false'] });
    const c = p.spec.containers[0]!;
    // Exits at 0, noticed at 1 (PLEG relist) and restarted; exits at 1, back-off 10s: restart at 11; then 20s: 31; 40s: 71.
    expect(containerLife(p, c, 0).state).toMatchObject({ terminated: { reason: 'Error', exitCode: 1 } });
    const at5 = containerLife(p, c, 5);
    expect(at5.restartCount).toBe(1);
    expect(at5.state).toMatchObject({ waiting: { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=crash pod=crash_default(${p.metadata.uid})` } });
    expect(at5.lastState).toMatchObject({ reason: 'Error', exitCode: 1, startedAt: 1, finishedAt: 1 });
    expect(containerLife(p, c, 11).restarts).toEqual([1, 11]);
    expect(containerLife(p, c, 200).restarts).toEqual([1, 11, 31, 71, 151]);
    const late = containerLife(p, c, 3000).restarts;
    const gaps = late.slice(1).map((t, i) => t - late[i]!);
    expect(gaps.slice(0, 6)).toEqual([10, 20, 40, 80, 160, 300]);
    expect(new Set(gaps.slice(5))).toEqual(new Set([300]));
    expect(goDuration(160)).toBe('2m40s');
    expect(goDuration(300)).toBe('5m0s');
  });

  it('a container that ran longer than 10 minutes restarts at once again (hasExpired: twice the 300s maximum)', () => {
    const sim = newSim();
    const p = pod(sim, 'long', 'busybox:1.36', { command: ['sleep', '700'] });
    const life = containerLife(p, p.spec.containers[0]!, 2200);
    expect(life.restarts).toEqual([701, 1402, 2103]);
    expect(life.backOffs).toEqual([]);
  });
});

describe('the pod phase and its endpoints (k/k pkg/kubelet/kubelet_pods.go getPhase; pkg/controller/endpoint skips terminal pods)', () => {
  it('restartPolicy Never: exit 0 is Succeeded, non-zero Failed; never ready', () => {
    const sim = newSim();
    expect(pod(sim, 'ok', 'busybox:1.36', { args: ['echo', 'hi'], restartPolicy: 'Never' }).status.phase).toBe('Succeeded');
    expect(pod(sim, 'bad', 'busybox:1.36', { command: ['false'], restartPolicy: 'Never' }).status.phase).toBe('Failed');
    expect(sim.cluster.store.get('Pod', 'default', 'ok')!.status.ready).toBe(false);
  });

  it('OnFailure: a zero exit finishes the pod, a failing one restarts', () => {
    const sim = newSim();
    expect(pod(sim, 'ok', 'busybox:1.36', { args: ['true'], restartPolicy: 'OnFailure' }).status.phase).toBe('Succeeded');
    const failing = pod(sim, 'no', 'busybox:1.36', { command: ['false'], restartPolicy: 'OnFailure' });
    sim.advance(30);
    expect(failing.status.phase).toBe('Running');
    // Restarted at 1 and 11; the next waits 20s from the exit at 11.
    expect(containerLife(failing, failing.spec.containers[0]!, 30).restartCount).toBe(2);
  });

  it('sleep N: ready and an endpoint while it sleeps, gone from the endpoints once the pod has Succeeded', () => {
    const sim = newSim();
    apply(sim, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nap\nspec:\n  selector:\n    app: nap\n  ports:\n  - port: 80\n');
    const p = pod(sim, 'nap', 'busybox:1.36', { command: ['sleep', '30'], restartPolicy: 'Never', labels: 'app: nap' });
    const addresses = () => (sim.cluster.store.get('Endpoints', 'default', 'nap')!.subsets ?? []).flatMap((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]).map((a) => a.ip);
    expect(p.status.ready).toBe(true);
    expect(addresses()).toEqual([p.status.podIP]);
    sim.advance(29);
    expect(p.status.phase).toBe('Running');
    sim.advance(1);
    expect(p.status.phase).toBe('Succeeded');
    expect(p.status.ready).toBe(false);
    expect(addresses()).toEqual([]);
  });

  it('a crash-looping pod (Always) stays Running but not ready', () => {
    const sim = newSim();
    const p = pod(sim, 'b', 'busybox');
    sim.advance(5);
    expect(p.status.phase).toBe('Running');
    expect(p.status.ready).toBe(false);
  });
});

describe('events (k/k pkg/kubelet/kuberuntime/kuberuntime_manager.go, kuberuntime_container.go, images/image_manager.go)', () => {
  it('BackOff once per wait, the start events counted on each restart', () => {
    const sim = newSim();
    const p = pod(sim, 'crash', 'busybox:1.36', { command: ['false'] });
    sim.advance(60);
    const events = sim.cluster.events.about(p.metadata.uid, 60).map((v) => [v.event.reason, v.count, v.event.message]);
    expect(events).toContainEqual(['Started', 4, 'Started container crash']);
    expect(events).toContainEqual(['BackOff', 3, `Back-off restarting failed container crash in pod crash_default(${p.metadata.uid})`]);
  });

  it('an image reference with capitals is InvalidImageName, reported as InspectFailed and Failed', () => {
    expect(invalidImageMessage('Nginx')).toBe('Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase');
    expect(invalidImageMessage('nginx:1.27')).toBeUndefined();
    expect(invalidImageMessage('registry.k8s.io/e2e-test-images/agnhost:2.47')).toBeUndefined();
    const sim = newSim();
    const p = pod(sim, 'bad', 'Nginx');
    expect(p.status.phase).toBe('Pending');
    expect(containerLife(p, p.spec.containers[0]!, 0).state).toMatchObject({ waiting: { reason: 'InvalidImageName' } });
    sim.advance(20);
    const reasons = sim.cluster.events.about(p.metadata.uid, 20).map((v) => [v.event.reason, v.count]);
    expect(reasons).toContainEqual(['InspectFailed', 3]);
    expect(reasons).toContainEqual(['Failed', 3]);
    expect(reasons.map((r) => r[0])).not.toContain('Started');
  });
});

// kubectl run -it: the attached shell is the main process; its exit ends the container's run
// (pkg/kubelet/kubelet_pods.go getPhase: Never -> Succeeded/Failed; Always -> restarted, and the
// restarted sh waits on its fresh stdin again, as stdinOnce reopens stdin for a new container).
describe('a main shell ended by exit (status.attachedExit)', () => {
  const shellPod = (restartPolicy: 'Always' | 'Never'): Pod =>
    ({
      metadata: { name: 'tmp', namespace: 'default', uid: 'u' },
      spec: { containers: [{ name: 'tmp', image: 'busybox:1.36', stdin: true, tty: true }], restartPolicy },
      status: { phase: 'Running', ready: true, startTime: 100, attachedExit: { container: 'tmp', at: 130, exitCode: 3 } },
    }) as unknown as Pod;

  it('runs until the exit, then ends with its code (Never: Error, no restart)', () => {
    const p = shellPod('Never');
    expect(containerLife(p, p.spec.containers[0]!, 120).state).toEqual({ running: { startedAt: 100 } });
    const after = containerLife(p, p.spec.containers[0]!, 200);
    expect(after.state).toMatchObject({ terminated: { exitCode: 3, reason: 'Error', startedAt: 100, finishedAt: 130 } });
    expect(after.restartCount).toBe(0);
  });

  it('Always: restarted once, and the new shell keeps running', () => {
    const p = shellPod('Always');
    const later = containerLife(p, p.spec.containers[0]!, 1000);
    expect(later.restartCount).toBe(1);
    expect('running' in later.state).toBe(true);
    expect(later.lastState).toMatchObject({ exitCode: 3, reason: 'Error' });
  });
});
