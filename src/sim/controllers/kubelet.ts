/**
 * What each node's kubelet and CNI do for a scheduled pod: take an IP from the
 * node's podCIDR (or the node's own IP for hostNetwork pods), start the
 * containers with the Service environment of that moment, and report
 * readiness from its probes on the simulation clock (kubelet/probes.ts), and
 * take deleted pods away once their containers have stopped.
 */
import type { Cluster } from '../cluster';
import type { Pod } from '../model/types';
import { serviceEnvFor } from './service-env';
import { openQueue } from './work-queue';
import { filesAtStart, readinessAt } from '../kubelet/probes';
import { configFailed, configResolved, containerRestarts, containersStarted, trackProbeFailures } from '../kubelet/events';
import { containerConfigEnv, failedMount } from '../kubelet/config-sources';
import { containerLife, hasLifecycle, phaseOf } from '../kubelet/restarts';


/**
 * Pods started while the Services stay the same see the same variables, so
 * they share one frozen map (with 1,000 Services that is ~9,000 variables a pod).
 */
const envCache = new WeakMap<Cluster, { generation: number; byKey: Map<string, Readonly<Record<string, string>>> }>();

function serviceEnv(cluster: Cluster, pod: Pod): Readonly<Record<string, string>> {
  let cache = envCache.get(cluster);
  if (!cache || cache.generation !== cluster.serviceGeneration) {
    cache = { generation: cluster.serviceGeneration, byKey: new Map() };
    envCache.set(cluster, cache);
  }
  const key = `${pod.metadata.namespace}|${pod.spec.enableServiceLinks !== false}`;
  let env = cache.byKey.get(key);
  if (!env) cache.byKey.set(key, (env = Object.freeze(serviceEnvFor(cluster.store, pod))));
  return env;
}


const READER = 'kubelet';
/** The simulation time of each cluster's last kubelet pass: when time moves, every pod is looked at. */
const lastPass = new WeakMap<Cluster, number>();

/**
 * Syncs the pods written since the last pass; every pod when time has moved (probes,
 * grace periods), a node changed, or a pod went away (its IP is free for a pod still
 * waiting for one).
 */
export function reconcileKubelets(cluster: Cluster): boolean {
  const queue = openQueue(cluster, READER);
  const now = cluster.clock.now();
  // A ConfigMap or Secret written may be what a waiting pod's volume or environment lacks.
  const everyPod = queue.all || lastPass.get(cluster) !== now || queue.changes.some((o) => o.kind === 'Node' || o.kind === 'ConfigMap' || o.kind === 'Secret' || (o.kind === 'Pod' && cluster.store.get('Pod', o.metadata.namespace, o.metadata.name) !== o));
  let pods: Pod[];
  if (everyPod) pods = cluster.store.list('Pod');
  else {
    const touched = new Set<Pod>();
    for (const o of queue.changes) if (o.kind === 'Pod') touched.add(o);
    pods = touched.size === 0 ? [] : cluster.store.list('Pod').filter((p) => touched.has(p));
  }
  lastPass.set(cluster, now);
  const changed = syncPods(cluster, pods, now);
  cluster.journal.caughtUp(READER);
  return changed;
}

const hasProbe = (pod: Pod) => pod.spec.containers.some((c) => c.readinessProbe);

function syncPods(cluster: Cluster, pods: readonly Pod[], now: number): boolean {
  let changed = false;
  for (const pod of pods) {
    if (!pod.spec.nodeName) continue;
    if (pod.metadata.deletionTimestamp !== undefined) {
      if (hasProbe(pod)) trackProbeFailures(cluster, pod, now, pod.status.terminatesAt ?? now);
      if (pod.status.terminatesAt === undefined || pod.status.terminatesAt <= now) {
        cluster.removePod(pod);
        changed = true;
      }
      continue;
    }
    const node = cluster.store.get('Node', undefined, pod.spec.nodeName);
    if (!node) continue;
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
    if (pod.status.phase === 'Pending' && (pod.status.podIP === undefined || pod.status.configErrors)) {
      // Volumes are mounted before the sandbox exists (kubelet.go SyncPod: WaitForAttachAndMount).
      const mount = pod.status.podIP === undefined && pod.spec.volumes ? failedMount(cluster.store, pod) : undefined;
      if (mount) {
        configFailed(cluster, pod, mount.message);
        continue;
      }
      const nodeIP = node.status.addresses.find((a) => a.type === 'InternalIP')!.address;
      const ip = pod.status.podIP ?? (pod.spec.hostNetwork ? nodeIP : cluster.ipamFor(node.metadata.name, node.spec.podCIDR).allocate());
      if (!ip) continue;
      // The sandbox's IP is known before the containers' variables are (status.podIP in a fieldRef).
      pod.status.podIP = ip;
      pod.status.hostIP = nodeIP;
      const envs = pod.spec.containers.map((c) => (c.env || c.envFrom ? containerConfigEnv(cluster.store, pod, c) : { vars: [] as [string, string][] }));
      const configErrors = pod.spec.containers.flatMap((c, i) => {
        const e = envs[i]!;
        return 'error' in e ? [{ container: c.name, message: e.error }] : [];
      });
      if (configErrors.length > 0) {
        // The sandbox runs (the pod has its IP) but the container cannot be created: CreateContainerConfigError.
        const first = pod.status.podIP === undefined;
        if (first || JSON.stringify(pod.status.configErrors) !== JSON.stringify(configErrors)) {
          pod.status = { phase: 'Pending', ready: false, podIP: ip, hostIP: nodeIP, startTime: pod.status.startTime ?? now, configErrors };
          cluster.update(pod);
          changed = true;
        }
        for (const e of configErrors) configFailed(cluster, pod, e.message, pod.spec.containers.find((c) => c.name === e.container));
        continue;
      }
      configResolved(cluster, pod);
      const containerEnv = envs.some((e) => 'vars' in e && e.vars.length > 0) ? envs.map((e) => ('vars' in e ? e.vars : [])) : undefined;
      // A pending pod's status holds only phase and ready: the running one is built whole.
      pod.status = {
        phase: 'Running',
        ready: false,
        podIP: ip,
        hostIP: nodeIP,
        startTime: now,
        readyAt: now,
        files: filesAtStart(pod),
        serviceEnv: serviceEnv(cluster, pod) as Record<string, string>,
        ...(containerEnv ? { containerEnv } : {}),
      };
      if (hasLifecycle(pod.spec.containers)) pod.status.lifecycle = true;
      pod.status.ready = readinessAt(cluster, pod, now);
      if (pod.status.lifecycle) followContainers(cluster, pod, now);
      cluster.update(pod);
      containersStarted(cluster, pod);
      if (hasProbe(pod)) trackProbeFailures(cluster, pod, now);
      changed = true;
      continue;
    }
    if (pod.status.lifecycle) {
      if (followContainers(cluster, pod, now)) {
        cluster.update(pod);
        changed = true;
      }
      continue;
    }
    if (hasProbe(pod)) trackProbeFailures(cluster, pod, now);
    const shouldBeReady = readinessAt(cluster, pod, now);
    if (pod.status.ready !== shouldBeReady) {
      pod.status.ready = shouldBeReady;
      pod.status.readyAt = now;
      cluster.update(pod);
      changed = true;
    }
  }
  return changed;
}

/**
 * A pod whose containers end or cannot start: their state at `now` (kubelet/restarts.ts)
 * gives the phase and readiness (an exited container is not ready), and what happened
 * since the last look is reported as events. True when the pod's status changed.
 */
function followContainers(cluster: Cluster, pod: Pod, now: number): boolean {
  const lives = pod.spec.containers.map((c) => containerLife(pod, c, now));
  pod.spec.containers.forEach((c, i) => containerRestarts(cluster, pod, c, lives[i]!));
  const phase = phaseOf(pod, lives);
  const running = lives.every((l) => 'running' in l.state);
  const s = pod.status;
  const wasReady = s.ready;
  const wasPhase = s.phase;
  s.phase = phase;
  const ready = phase === 'Running' && running && readinessAt(cluster, pod, now);
  if (ready !== wasReady) {
    s.ready = ready;
    s.readyAt = now;
  }
  return ready !== wasReady || phase !== wasPhase;
}
