/**
 * A container's life on the simulation clock once its main process ends
 * (kubelet/main-process.ts): it exits, and the kubelet restarts it or not as the pod's
 * restartPolicy says, with the crash back-off of k/k pkg/kubelet/kuberuntime/
 * kuberuntime_manager.go doBackOff over client-go util/flowcontrol/backoff.go:
 * - the first exit restarts at once (no back-off entry yet); the restart starts the
 *   entry at 10s (kubelet.go containerBackOffPeriod), each later one doubles it up to
 *   300s (MaxContainerBackOff);
 * - an exit while the entry is live waits out the back-off from finishedAt
 *   (IsInBackOffSince), the container Waiting with reason CrashLoopBackOff;
 * - the entry expires when the container ran more than twice the maximum (10 minutes)
 *   since the last restart (hasExpired), so the next exit restarts at once again.
 * The kubelet notices an exit at its next relist (PLEG, every second): until then the
 * container shows Terminated (Completed or Error, as containerd reports the exit code).
 * Computed from the start time, so a long `sleep` costs one loop, not a simulation step
 * per restart.
 */
import type { Container, Pod } from '../model/types';
import { mainProcess } from './main-process';

export const INITIAL_BACKOFF = 10;
export const MAX_BACKOFF = 300;
/** PLEG relist period: how soon the kubelet sees a container has exited. */
const NOTICE = 1;

export interface Terminated {
  exitCode: number;
  reason: 'Completed' | 'Error';
  startedAt: number;
  finishedAt: number;
}

export type ContainerState =
  | { running: { startedAt: number } }
  | { terminated: Terminated }
  | { waiting: { reason: string; message: string } };

export interface ContainerLife {
  state: ContainerState;
  lastState?: Terminated;
  restartCount: number;
  /** When each restart started (Pulling/Created/Started again). */
  restarts: number[];
  /** When the kubelet reported each back-off wait (the BackOff event). */
  backOffs: number[];
}

/** Go's time.Duration String for whole seconds: "10s", "1m20s", "5m0s". */
export function goDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m}m${seconds % 60}s` : `${Math.floor(m / 60)}h${m % 60}m${seconds % 60}s`;
}

/** format.Pod: "name_namespace(uid)". */
export const podRef = (pod: Pod) => `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`;

/** A container's state, restarts and events at `now`, for a pod whose containers started at `start`. */
export function containerLife(pod: Pod, c: Container, now: number): ContainerLife {
  const start = pod.status.startTime ?? now;
  const waiting = imageWaiting(c);
  if (waiting) return { state: { waiting }, restartCount: 0, restarts: [], backOffs: [] };
  const p = mainProcess(c);
  // A shell the terminal was attached to ends when the learner types exit; a restarted one waits on its fresh stdin again.
  const exited = pod.status.attachedExit?.container === c.name ? pod.status.attachedExit : undefined;
  if (!p.ends && !exited) return { state: { running: { startedAt: start } }, restartCount: 0, restarts: [], backOffs: [] };
  const policy = pod.spec.restartPolicy ?? 'Always';
  const restarts: number[] = [];
  const backOffs: number[] = [];
  let s = start;
  let last: Terminated | undefined;
  let backoff = 0;
  let lastUpdate = -Infinity;
  for (;;) {
    const run = exited && s === start ? { seconds: Math.max(0, exited.at - s), exitCode: exited.exitCode } : p.ends ? p : undefined;
    const base = { restartCount: restarts.length, restarts, backOffs, ...(last ? { lastState: last } : {}) };
    if (!run) return { ...base, state: { running: { startedAt: s } } };
    const f = s + run.seconds;
    if (now < f) return { ...base, state: { running: { startedAt: s } } };
    const term: Terminated = { exitCode: run.exitCode, reason: run.exitCode === 0 ? 'Completed' : 'Error', startedAt: s, finishedAt: f };
    const restart = policy === 'Always' || (policy === 'OnFailure' && run.exitCode !== 0);
    const noticed = f + NOTICE;
    if (!restart || now < noticed) return { ...base, state: { terminated: term } };
    const expired = backoff === 0 || f - lastUpdate > 2 * MAX_BACKOFF;
    let at = noticed;
    if (!expired) {
      backOffs.push(noticed);
      at = f + backoff;
      if (now < at) {
        const message = `back-off ${goDuration(backoff)} restarting failed container=${c.name} pod=${podRef(pod)}`;
        return { ...base, lastState: term, state: { waiting: { reason: 'CrashLoopBackOff', message } } };
      }
    }
    backoff = expired ? INITIAL_BACKOFF : Math.min(backoff * 2, MAX_BACKOFF);
    lastUpdate = at;
    last = term;
    s = at;
    restarts.push(at);
  }
}

/**
 * The image reference the kubelet cannot parse (k/k pkg/kubelet/images/image_manager.go
 * applyDefaultImageTag over pkg/util/parsers ParseImageName and distribution/reference
 * ParseNormalizedNamed): the container stays Waiting with reason InvalidImageName.
 */
export function invalidImageMessage(image: string): string | undefined {
  const detail = referenceError(image);
  return detail === undefined ? undefined : `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${detail}`;
}

function referenceError(image: string): string | undefined {
  const slash = image.indexOf('/');
  const first = slash >= 0 ? image.slice(0, slash) : '';
  // splitDockerDomain: the first part is a registry when it has a dot or colon, is localhost, or is not lower-case.
  const domained = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  let remainder = domained ? image.slice(slash + 1) : image;
  if (!domained && !remainder.includes('/')) remainder = `library/${remainder}`;
  const remote = remainder.split('@')[0]!.split(':')[0]!;
  if (remote.toLowerCase() !== remote) return `invalid reference format: repository name (${remote}) must be lowercase`;
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(remote)) return 'invalid reference format';
  return undefined;
}

const imageWaitCache = new WeakMap<Container, { reason: string; message: string } | null>();
/** The container's InvalidImageName waiting state, when its image reference does not parse (cached per container). */
export function imageWaiting(c: Container): { reason: string; message: string } | undefined {
  let w = imageWaitCache.get(c);
  if (w === undefined) {
    const message = invalidImageMessage(c.image);
    imageWaitCache.set(c, (w = message ? { reason: 'InvalidImageName', message } : null));
  }
  return w ?? undefined;
}

/** Whether the kubelet has something to follow over time in this pod's containers. */
export function hasLifecycle(containers: readonly Container[]): boolean {
  // Pods of one ReplicaSet share their containers array: one lookup a pod start.
  let has = lifecycleCache.get(containers);
  if (has === undefined) lifecycleCache.set(containers, (has = containers.some((c) => mainProcess(c).ends || imageWaiting(c) !== undefined)));
  return has;
}
const lifecycleCache = new WeakMap<readonly Container[], boolean>();

/**
 * The pod phase from its containers (k/k pkg/kubelet/kubelet_pods.go getPhase): a
 * container that has not started keeps it Pending; with restartPolicy Always it is
 * Running however often they exit; otherwise Succeeded when every container exited 0,
 * Failed when all stopped for good and one failed, Running while any runs or will run again.
 */
export function phaseOf(pod: Pod, lives: readonly ContainerLife[]): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  if (lives.some((l) => 'waiting' in l.state && !l.lastState)) return 'Pending';
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Always') return 'Running';
  const ended = lives.map((l) => ('terminated' in l.state ? l.state.terminated : undefined));
  if (ended.some((t) => t === undefined)) return 'Running';
  if (ended.every((t) => t!.exitCode === 0)) return 'Succeeded';
  return policy === 'Never' ? 'Failed' : 'Running';
}
