/**
 * The events a node's kubelet reports about a pod's containers (k/k pkg/kubelet/events
 * for the reasons; kuberuntime_container.go, images/image_manager.go and prober/prober.go
 * for the messages): the image pull, Created and Started when it starts them, Killing
 * when it stops them, and Unhealthy each time a readiness probe fails.
 */
import type { Cluster } from '../cluster';
import { ClusterEvent, type EventBatch, type EventSource, type EventTicks, type MessageFormat } from '../events/event-log';
import type { Container, Pod } from '../model/types';
import { probeOutcome, probePeriod } from './probes';
import { imageWaiting, type ContainerLife } from './restarts';

const fieldPath = (c: Container) => `spec.containers{${c.name}}`;

/** One source object per node (events keep a reference to it). */
const sources = new Map<string, EventSource>();
function kubelet(pod: Pod): EventSource {
  const host = pod.spec.nodeName!;
  let s = sources.get(host);
  if (!s) sources.set(host, (s = { component: 'kubelet', host }));
  return s;
}

const pulling: MessageFormat = (image) => `Pulling image "${image}"`;
const pulled: MessageFormat = (image, _, pod) => {
  const { duration, bytes } = pullFigures(pod.metadata.uid, image);
  return `Successfully pulled image "${image}" in ${duration} (${duration} including waiting). Image size: ${bytes} bytes.`;
};
const present: MessageFormat = (image) => `Container image "${image}" already present on machine`;
const created: MessageFormat = (name) => `Created container: ${name}`;
const started: MessageFormat = (name) => `Started container ${name}`;
const stopping: MessageFormat = (name) => `Stopping container ${name}`;
const asIs: MessageFormat = (a) => a;

/** An image with no tag or :latest is pulled every time (the API server's imagePullPolicy default). */
export function imagePullPolicy(c: Container): 'Always' | 'IfNotPresent' {
  const tag = /:([^/:@]+)$/.exec(c.image.split('@')[0]!)?.[1];
  return c.image.includes('@') ? 'IfNotPresent' : tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/**
 * A pull's time and size: the simulated registry is fast and its sizes are made up per
 * image (stable, so transcripts do not move), in the range of the real compressed images.
 */
function pullFigures(uid: string, image: string): { duration: string; bytes: number } {
  let h = 2166136261;
  for (const ch of image + uid) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const ms = 300 + (h % 1200);
  let sh = 0;
  for (const ch of image) sh = (Math.imul(sh, 31) + ch.charCodeAt(0)) >>> 0;
  // Go prints a millisecond-truncated Duration as "812ms" or "1.153s".
  return { duration: ms < 1000 ? `${ms}ms` : `${ms / 1000}s`, bytes: 2_000_000 + (sh % 70_000_000) };
}

/** The kubelet starts each container: pull (or find) its image, create it, start it. */
export function containersStarted(cluster: Cluster, pod: Pod): void {
  const at = cluster.clock.now();
  cluster.events.batch((seq) => new ContainerStarts(seq, pod, kubelet(pod), at));
  if (!pod.status.lifecycle) return;
  for (const c of pod.spec.containers) {
    const message = imageWaiting(c)?.message;
    if (!message) continue;
    // The pod worker retries a failed sync after its back-off period (pod_workers.go
    // backOffPeriod, 10s): each retry reports both again (kuberuntime_container.go startContainer).
    const ticks = { start: at, period: 10 };
    cluster.events.repeating({ subject: pod, fieldPath: fieldPath(c), type: 'Warning', reason: 'InspectFailed', format: asIs, a: message, source: kubelet(pod) }, ticks);
    cluster.events.repeating({ subject: pod, fieldPath: fieldPath(c), type: 'Warning', reason: 'Failed', format: asIs, a: 'Error: InvalidImageName', source: kubelet(pod) }, { ...ticks });
  }
}

/** When each container of a pod was started again, by container name (read by its start events). */
const restartTimes = new WeakMap<Pod, Map<string, number[]>>();

/** A pod's start events, built when read (a pod's spec never changes once it runs). */
class ContainerStarts implements EventBatch {
  readonly size: number;
  constructor(readonly seq: number, private readonly pod: Pod, private readonly source: EventSource, private readonly at: number) {
    this.size = pod.spec.containers.reduce((n, c) => n + (pod.status.lifecycle && imageWaiting(c) ? 0 : imagePullPolicy(c) === 'Always' ? 4 : 3), 0);
  }

  expand(): ClusterEvent[] {
    const out: ClusterEvent[] = [];
    const again = restartTimes.get(this.pod);
    const add = (c: Container, reason: string, format: MessageFormat, a: string, repeats: boolean) => {
      const e = new ClusterEvent(this.seq + out.length, this.pod, fieldPath(c), 'Normal', reason, format, a, '', this.source, this.at, this.at, 1);
      // Each restart pulls, creates and starts again: the same event counted (a fresh pull's message differs).
      if (repeats && again?.has(c.name)) e.also = again.get(c.name);
      out.push(e);
    };
    for (const c of this.pod.spec.containers) {
      if (this.pod.status.lifecycle && imageWaiting(c)) continue;
      if (imagePullPolicy(c) === 'Always') {
        add(c, 'Pulling', pulling, c.image, true);
        add(c, 'Pulled', pulled, c.image, false);
      } else add(c, 'Pulled', present, c.image, true);
      add(c, 'Created', created, c.name, true);
      add(c, 'Started', started, c.name, true);
    }
    return out;
  }
}

const pulledAgain: MessageFormat = (image, k, pod) => {
  const { duration, bytes } = pullFigures(`${pod.metadata.uid}#${k}`, image);
  return `Successfully pulled image "${image}" in ${duration} (${duration} including waiting). Image size: ${bytes} bytes.`;
};
const backOff: MessageFormat = (name, _, pod) => `Back-off restarting failed container ${name} in pod ${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`;

/** How many restarts and back-offs of each container have been reported. */
const reported = new WeakMap<Pod, Map<string, { restarts: number; backOffs: number }>>();

/**
 * Reports what happened to a restarting container since the last look, at the times it
 * happened: each back-off wait (Warning BackOff, kuberuntime_manager.go doBackOff) and each
 * restart (the start events again; a pull of an image pulled every time is a new event).
 */
export function containerRestarts(cluster: Cluster, pod: Pod, c: Container, life: ContainerLife): void {
  let byName = reported.get(pod);
  if (!byName) reported.set(pod, (byName = new Map()));
  const seen = byName.get(c.name) ?? { restarts: 0, backOffs: 0 };
  if (seen.restarts === life.restarts.length && seen.backOffs === life.backOffs.length) return;
  let times = restartTimes.get(pod);
  if (!times) restartTimes.set(pod, (times = new Map()));
  const again = times.get(c.name) ?? [];
  times.set(c.name, again);
  const happenings: [number, () => void][] = [];
  for (let i = seen.backOffs; i < life.backOffs.length; i++) {
    const at = life.backOffs[i]!;
    happenings.push([at, () => cluster.events.record({ subject: pod, fieldPath: fieldPath(c), type: 'Warning', reason: 'BackOff', format: backOff, a: c.name, source: kubelet(pod) }, at)]);
  }
  for (let i = seen.restarts; i < life.restarts.length; i++) {
    const at = life.restarts[i]!;
    happenings.push([at, () => {
      again.push(at);
      if (imagePullPolicy(c) === 'Always') cluster.events.record({ subject: pod, fieldPath: fieldPath(c), type: 'Normal', reason: 'Pulled', format: pulledAgain, a: c.image, b: String(i + 1), source: kubelet(pod), once: true }, at);
    }]);
  }
  happenings.sort((x, y) => x[0] - y[0]);
  for (const [, act] of happenings) act();
  byName.set(c.name, { restarts: life.restarts.length, backOffs: life.backOffs.length });
}

/** The kubelet stops each container of a pod being deleted. */
export function containersStopping(cluster: Cluster, pod: Pod): void {
  for (const c of pod.spec.containers) cluster.event({ subject: pod, fieldPath: fieldPath(c), type: 'Normal', reason: 'Killing', format: stopping, a: c.name, source: kubelet(pod) });
}

/** Each container's run of failing probes still going on. */
const failing = new WeakMap<Pod, Map<string, EventTicks>>();

/**
 * Follows each readiness probe's verdict: when one starts failing, the Unhealthy event
 * repeats at every probe tick from the next one on, until the probe passes or the pod
 * stops (`until`). Ticks are counted when the events are read.
 */
export function trackProbeFailures(cluster: Cluster, pod: Pod, now: number, until?: number): void {
  for (const c of pod.spec.containers) {
    const probe = c.readinessProbe;
    if (!probe) continue;
    let runs = failing.get(pod);
    const open = runs?.get(c.name);
    const outcome = until === undefined ? probeOutcome(cluster, pod, c, probe) : undefined;
    const fails = outcome !== undefined && !outcome.ok;
    if (open && !fails) {
      open.end = until ?? now;
      runs!.delete(c.name);
    } else if (!open && fails) {
      const first = (pod.status.startTime ?? now) + (probe.initialDelaySeconds ?? 0);
      const period = probePeriod(probe);
      const ticks: EventTicks = { start: first + Math.max(0, Math.ceil((now - first) / period)) * period, period };
      if (!runs) failing.set(pod, (runs = new Map()));
      runs.set(c.name, ticks);
      cluster.events.repeating({ subject: pod, fieldPath: fieldPath(c), type: 'Warning', reason: 'Unhealthy', format: asIs, a: outcome!.message, source: kubelet(pod) }, ticks);
    }
  }
}

/** The repeating config failures of a pod, ended when the kubelet gets past them. */
const configFailures = new WeakMap<Pod, Map<string, EventTicks>>();

/**
 * A config failure the kubelet reports until it clears: FailedMount for a volume
 * (operationexecutor's MountVolume.SetUp error, retried with a back-off of up to 2m2s,
 * pkg/volume/util/nestedpendingoperations), or Failed "Error: ..." for a container whose
 * environment cannot be built (kuberuntime_container.go startContainer: CreateContainerConfigError,
 * retried at the pod worker's 10s back-off).
 */
export function configFailed(cluster: Cluster, pod: Pod, message: string, c?: Container): void {
  let m = configFailures.get(pod);
  if (!m) configFailures.set(pod, (m = new Map()));
  const key = `${c?.name ?? ''}|${message}`;
  if (m.has(key)) return;
  const ticks: EventTicks = { start: cluster.clock.now(), period: c ? 10 : 122 };
  m.set(key, ticks);
  const input = c
    ? { subject: pod, fieldPath: fieldPath(c), type: 'Warning' as const, reason: 'Failed', format: asIs, a: `Error: ${message}`, source: kubelet(pod) }
    : { subject: pod, type: 'Warning' as const, reason: 'FailedMount', format: asIs, a: message, source: kubelet(pod) };
  cluster.events.repeating(input, ticks);
}

/** The failures are over (the objects appeared): their events stop repeating. */
export function configResolved(cluster: Cluster, pod: Pod): void {
  const m = configFailures.get(pod);
  if (!m) return;
  // The end is exclusive: a failure that cleared at the moment it happened still happened once.
  for (const t of m.values()) t.end ??= Math.max(cluster.clock.now(), t.start + 1e-6);
  configFailures.delete(pod);
}
