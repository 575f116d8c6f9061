/**
 * What the kubelet and containerd report about a pod's containers, derived from the pod
 * so that describe and -o yaml/json agree: the runtime's container ID, the image
 * reference and digest, the projected service-account volume, probe defaults.
 */
import { sha256, toHex, utf8Bytes } from '../../sim/proxy/hash';
import type { Container, Pod, Probe, ResourceRequirements } from '../../sim/model/types';
import { parseQuantity } from './quantity';
import { containerLife, type ContainerState, type Terminated } from '../../sim/kubelet/restarts';

const hex = (text: string) => toHex(sha256(utf8Bytes(text)));

/** The projected service-account volume every pod gets, named with a suffix of its own. */
export function apiAccessVolume(pod: Pod): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = 0;
  for (const ch of pod.metadata.uid) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  let s = '';
  for (let i = 0; i < 5; i++) {
    s += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length) + i * 7;
  }
  return `kube-api-access-${s}`;
}

/**
 * The kubelet writes container statuses once it has the pod (pkg/kubelet/kubelet_pods.go
 * convertToAPIContainerStatuses): a scheduled pod's containers are Waiting
 * (ContainerCreating) until they run; an unscheduled pod has none.
 */
export function hasContainerStatuses(pod: Pod): boolean {
  return pod.status.phase !== 'Pending' || !!pod.spec.nodeName;
}

/** containerd's 64-hex container ID with its runtime prefix; none until the container runs (each restart is a new container). */
export function containerID(pod: Pod, c: Container, run = 0, created = pod.status.phase === 'Running'): string {
  return created ? `containerd://${hex(run ? `${pod.metadata.uid}/${c.name}/${run}` : `${pod.metadata.uid}/${c.name}`)}` : '';
}

/** What the kubelet reports of one container (status.containerStatuses[i]). */
export interface ShownContainer {
  container: Container;
  state: ContainerState;
  lastState?: Terminated;
  restartCount: number;
  ready: boolean;
  /** Whether a container has been created at all (an ID and an image digest to show). */
  created: boolean;
}

/**
 * Each container's state at `now`: Waiting (ContainerCreating) until the kubelet starts the
 * pod, Running for a server from then on, and for a container that ends, its life as
 * kubelet/restarts.ts computes it.
 */
export function containerStatusesAt(pod: Pod, now: number): ShownContainer[] {
  return pod.spec.containers.map((c) => {
    if (pod.status.podIP === undefined) return { container: c, state: { waiting: { reason: 'ContainerCreating', message: '' } }, restartCount: 0, ready: false, created: false };
    const configError = pod.status.configErrors?.find((e) => e.container === c.name);
    if (configError) return { container: c, state: { waiting: { reason: 'CreateContainerConfigError', message: configError.message } }, restartCount: 0, ready: false, created: false };
    if (pod.status.configErrors) return { container: c, state: { waiting: { reason: 'ContainerCreating', message: '' } }, restartCount: 0, ready: false, created: false };
    if (!pod.status.lifecycle) return { container: c, state: { running: { startedAt: pod.status.startTime ?? pod.metadata.creationTimestamp } }, restartCount: 0, ready: pod.status.phase === 'Running' && pod.status.ready, created: true };
    const life = containerLife(pod, c, now);
    const running = 'running' in life.state;
    const created = !('waiting' in life.state) || life.lastState !== undefined;
    return { container: c, state: life.state, ...(life.lastState ? { lastState: life.lastState } : {}), restartCount: life.restartCount, ready: running && pod.status.ready, created };
  });
}

/** The image as containerd normalises it (docker.io/library/nginx:latest), as status.image shows it. */
export function normalizedImage(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const domained = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const full = domained ? name : `docker.io/${slash >= 0 ? '' : 'library/'}${name}`;
  const lastPart = full.slice(full.lastIndexOf('/') + 1);
  const tagged = lastPart.includes(':') ? full : `${full}:latest`;
  return at >= 0 ? `${tagged.replace(/:[^:/]*$/, '')}${image.slice(at)}` : tagged;
}

/**
 * status.imageID: the repository at its digest. The digest is a stand-in derived from the
 * image name (deliberate departure: the simulator does not know registries' real digests).
 */
export function imageID(pod: Pod, c: Container, created = pod.status.phase === 'Running'): string {
  if (!created) return '';
  const full = normalizedImage(c.image);
  const repo = full.replace(/@.*$/, '').replace(/:[^:/]*$/, '');
  return `${repo}@sha256:${hex(full)}`;
}

/** A probe with the API server's defaults (pkg/apis/core/v1/defaults.go SetDefaults_Probe, SetDefaults_HTTPGetAction). */
export function defaultedProbe(p: Probe): Probe & { timeoutSeconds: number; periodSeconds: number; successThreshold: number; failureThreshold: number } {
  const raw = p;
  return {
    ...raw,
    ...(raw.httpGet ? { httpGet: { ...raw.httpGet, path: raw.httpGet.path ?? '/', scheme: raw.httpGet.scheme ?? 'HTTP' } } : {}),
    timeoutSeconds: raw.timeoutSeconds ?? 1,
    periodSeconds: raw.periodSeconds ?? 10,
    successThreshold: raw.successThreshold ?? 1,
    failureThreshold: raw.failureThreshold ?? 3,
  };
}

/**
 * A pod's container resources as the API server stores them: SetDefaults_Pod
 * (pkg/apis/core/v1/defaults.go) copies each limit without a request into the requests.
 * Pods only: a Deployment's template keeps what was written.
 */
export function podContainerResources(c: Container): ResourceRequirements {
  const r = c.resources ?? {};
  if (!r.limits) return r;
  return { ...r, requests: { ...r.limits, ...(r.requests ?? {}) } };
}

const QOS_RESOURCES = ['cpu', 'memory'];

/**
 * The pod's QoS class (pkg/apis/core/v1/helper/qos GetPodQOS): only cpu and memory count, and
 * only non-zero amounts; BestEffort when no container asks for either, Guaranteed when every
 * container limits both at what it requests (requests defaulted from limits), else Burstable.
 */
export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const rs = pod.spec.containers.map(podContainerResources);
  const set = (list: Record<string, string> | undefined, k: string) => list?.[k] !== undefined && parseQuantity(list[k]) !== 0;
  if (rs.every((r) => QOS_RESOURCES.every((k) => !set(r.requests, k) && !set(r.limits, k)))) return 'BestEffort';
  const guaranteed = rs.every((r) => QOS_RESOURCES.every((k) => set(r.limits, k) && set(r.requests, k) && parseQuantity(r.requests![k]!) === parseQuantity(r.limits![k]!)));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
