/**
 * Readiness probes as the kubelet runs them (k/k pkg/kubelet/prober): no
 * probe means ready once started; otherwise nothing is probed before
 * initialDelaySeconds, a success makes the pod ready at the next probe and
 * failureThreshold (3) failures in a row make it unready.
 *
 * An exec probe runs its command in the container and its exit status decides
 * (k/k pkg/probe/exec/exec.go: status 0 is Success, any other Failure, the
 * combined stdout and stderr is the output the Unhealthy event quotes). A
 * program the image lacks is a runtime error, not a failure: the kubelet throws
 * the result away (prober/worker.go) and reports "errored and resulted in
 * unknown state" (prober/prober.go), so a readiness probe never passes.
 * httpGet and tcpSocket probes look at what listens.
 */
import type { Cluster } from '../cluster';
import type { Container, Pod, Probe } from '../model/types';
import { listeners } from '../net/servers';

const DEFAULT_PERIOD = 10;
const FAILURE_THRESHOLD = 3;

/** What running a command in a container gave: its exit status and output, or that the image lacks the program. */
export type ExecResult = { exitCode: number; output: string } | { missing: string };

/**
 * Runs argv in a container as the container runtime's exec does (no shell unless argv
 * names one). The simulated shell (src/shell) installs it on the cluster, since the
 * core cannot import the shell.
 */
export type ContainerExec = (pod: Pod, container: Container, argv: string[]) => ExecResult;

/**
 * Without a shell installed (core-only tests) the core understands only a few
 * commands, by the container's files; anything else passes. Every host (the
 * worker, `npm run sim`) installs the shell's.
 */
function coreExec(pod: Pod, argv: string[]): ExecResult {
  const [cmd, ...args] = argv;
  const base = cmd?.split('/').pop();
  if (base === 'false') return { exitCode: 1, output: '' };
  const path = args[args.length - 1];
  if (!base || !['cat', 'test', 'ls', 'stat'].includes(base) || !path) return { exitCode: 0, output: '' };
  const present = (pod.status.files ?? []).includes(path);
  return { exitCode: present ? 0 : 1, output: present || base !== 'cat' ? '' : `cat: can't open '${path}': No such file or directory\n` };
}

/** A probe's verdict; `message` is what the kubelet's Unhealthy event says when it fails. */
export interface ProbeOutcome {
  ok: boolean;
  message: string;
}

/** Exec probes run once per moment, pod version and file set (commands may cost a request). */
const execCache = new WeakMap<Pod, Map<string, { now: number; rv: string; files: string[] | undefined; outcome: ProbeOutcome }>>();

function execProbe(cluster: Cluster, pod: Pod, c: Container, command: string[]): ProbeOutcome {
  const now = cluster.clock.now();
  let byName = execCache.get(pod);
  const hit = byName?.get(c.name);
  if (hit && hit.now === now && hit.rv === pod.metadata.resourceVersion && hit.files === pod.status.files) return hit.outcome;
  const ran = cluster.containerExec ? cluster.containerExec(pod, c, command) : coreExec(pod, command);
  let outcome: ProbeOutcome;
  if ('missing' in ran) {
    // The runtime's exec error as containerd words it (the exec id is per run upstream; one per container here).
    const id = execId(pod, c);
    outcome = { ok: false, message: `Readiness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${ran.missing}": executable file not found in $PATH: unknown` };
  } else {
    // Departure: the output's final newline is dropped (upstream keeps it; describe trims it away).
    outcome = { ok: ran.exitCode === 0, message: `Readiness probe failed: ${ran.output.replace(/\n$/, '')}` };
  }
  if (!byName) execCache.set(pod, (byName = new Map()));
  byName.set(c.name, { now, rv: pod.metadata.resourceVersion, files: pod.status.files, outcome });
  return outcome;
}

function execId(pod: Pod, c: Container): string {
  let id = '';
  let h = 2166136261;
  for (let i = 0; id.length < 64; i++) {
    for (const ch of `${pod.metadata.uid}/${c.name}/${i}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    id += h.toString(16).padStart(8, '0');
  }
  return id.slice(0, 64);
}

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

/** A probe's verdict now, and what its Unhealthy event says when it fails (Go's dial error for httpGet and tcpSocket). */
export function probeOutcome(cluster: Cluster, pod: Pod, c: Container, probe: Probe): ProbeOutcome {
  if (probe.exec) return execProbe(cluster, pod, c, probe.exec.command);
  const port = probe.httpGet ? portOf(pod, c, probe.httpGet.port) : probe.tcpSocket ? portOf(pod, c, probe.tcpSocket.port) : undefined;
  const ok = port === undefined ? !probe.httpGet && !probe.tcpSocket : listeners(pod).has(port);
  const ip = pod.status.podIP ?? '';
  const p = port ?? probe.httpGet?.port ?? probe.tcpSocket?.port ?? 0;
  const message = probe.httpGet
    ? `Readiness probe failed: Get "http://${ip}:${p}${probe.httpGet.path ?? '/'}": dial tcp ${ip}:${p}: connect: connection refused`
    : `Readiness probe failed: dial tcp ${ip}:${p}: connect: connection refused`;
  return { ok, message };
}

export function probePasses(cluster: Cluster, pod: Pod, c: Container, probe: Probe): boolean {
  return probeOutcome(cluster, pod, c, probe).ok;
}

export function probePeriod(p: Probe): number {
  return p.periodSeconds ?? DEFAULT_PERIOD;
}

/** Whether every container's readiness probe passes right now (ignoring timing). */
export function probesPass(cluster: Cluster, pod: Pod): boolean {
  return pod.spec.containers.every((c) => !c.readinessProbe || probePasses(cluster, pod, c, c.readinessProbe));
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
export function readinessAt(cluster: Cluster, pod: Pod, now: number): boolean {
  const s = pod.status;
  if (s.phase !== 'Running') return false;
  const hasProbe = pod.spec.containers.some((c) => c.readinessProbe);
  if (!hasProbe) return true;
  const want = probesPass(cluster, pod);
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
