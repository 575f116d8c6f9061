/**
 * Readiness probes as the kubelet runs them (k/k pkg/kubelet/prober): no
 * probe means ready once started; otherwise nothing is probed before
 * initialDelaySeconds, a success makes the pod ready at the next probe and
 * failureThreshold (3) failures in a row make it unready. exec probes look at
 * the container's files (so `touch /tmp/ready` and `rm /tmp/ready` through
 * kubectl exec flip them), httpGet and tcpSocket probes at what listens.
 */
import type { Container, Pod, Probe } from '../model/types';
import { listeners } from '../net/servers';

const DEFAULT_PERIOD = 10;
const FAILURE_THRESHOLD = 3;

const startFiles = new WeakMap<Container[], string[]>();

/** Files a container makes when it starts: `touch PATH` in its shell command line. */
export function filesAtStart(pod: Pod): string[] {
  const cached = startFiles.get(pod.spec.containers);
  if (cached) return [...cached];
  const files: string[] = [];
  for (const c of pod.spec.containers) {
    const line = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
    for (const m of line.matchAll(/\btouch\s+(\S+?)(?=[;&\s]|$)/g)) files.push(m[1]!);
  }
  startFiles.set(pod.spec.containers, files);
  return [...files];
}

function portOf(pod: Pod, c: Container, port: number | string): number | undefined {
  if (typeof port === 'number') return port;
  return c.ports?.find((p) => p.name === port)?.containerPort ?? pod.spec.containers.flatMap((x) => x.ports ?? []).find((p) => p.name === port)?.containerPort;
}

export function probePasses(pod: Pod, c: Container, probe: Probe): boolean {
  if (probe.exec) {
    const [cmd, ...args] = probe.exec.command;
    const path = args[args.length - 1];
    const known = ['cat', 'test', 'ls', 'stat', '/bin/cat', '/bin/ls'];
    if (!cmd || !known.includes(cmd) || !path) return true;
    return (pod.status.files ?? []).includes(path);
  }
  const port = probe.httpGet ? portOf(pod, c, probe.httpGet.port) : probe.tcpSocket ? portOf(pod, c, probe.tcpSocket.port) : undefined;
  if (port === undefined) return !probe.httpGet && !probe.tcpSocket;
  return listeners(pod).has(port);
}

export function probePeriod(p: Probe): number {
  return p.periodSeconds ?? DEFAULT_PERIOD;
}

/** Whether every container's readiness probe passes right now (ignoring timing). */
export function probesPass(pod: Pod): boolean {
  return pod.spec.containers.every((c) => !c.readinessProbe || probePasses(pod, c, c.readinessProbe));
}

/** The first probe tick at or after `t` for the slowest container. */
function nextTick(pod: Pod, t: number, failing: boolean): number {
  let at = t;
  for (const c of pod.spec.containers) {
    const p = c.readinessProbe;
    if (!p) continue;
    const start = (pod.status.startTime ?? 0) + (p.initialDelaySeconds ?? 0);
    const period = probePeriod(p);
    const k = Math.max(0, Math.ceil((t - start) / period));
    const tick = start + (k + (failing ? FAILURE_THRESHOLD - 1 : 0)) * period;
    at = Math.max(at, tick);
  }
  return at;
}

/**
 * The readiness the kubelet reports at `now`, and when a pending change will
 * show. Updates probeFlipAt on the pod's status when a change starts pending.
 */
export function readinessAt(pod: Pod, now: number): boolean {
  const s = pod.status;
  if (s.phase !== 'Running') return false;
  const hasProbe = pod.spec.containers.some((c) => c.readinessProbe);
  if (!hasProbe) return true;
  const want = probesPass(pod);
  if (want === s.ready) {
    s.probeFlipAt = undefined;
    return s.ready;
  }
  if (s.probeFlipAt === undefined) s.probeFlipAt = nextTick(pod, now, !want);
  if (now < s.probeFlipAt) return s.ready;
  // The change shows now; a later change starts its own wait.
  s.probeFlipAt = undefined;
  return want;
}
