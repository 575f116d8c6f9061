/**
 * What each node's kubelet and CNI do for a scheduled pod: take an IP from the
 * node's podCIDR (or the node's own IP for hostNetwork pods), start the
 * containers with the Service environment of that moment, and report
 * readiness once the probe's initial delay has passed on the simulation clock.
 */
import type { Cluster } from '../cluster';
import type { Pod } from '../model/types';
import { serviceEnvFor } from './service-env';

function readinessDelay(pod: Pod): number {
  let delay = 0;
  for (const c of pod.spec.containers) delay = Math.max(delay, c.readinessProbe?.initialDelaySeconds ?? 0);
  return delay;
}

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

function isReady(pod: Pod, now: number): boolean {
  return pod.status.phase === 'Running' && !pod.status.forcedUnready && (pod.status.readyAt ?? 0) <= now;
}

export function reconcileKubelets(cluster: Cluster): boolean {
  let changed = false;
  const now = cluster.clock.now();
  for (const pod of cluster.store.list('Pod')) {
    if (!pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) continue;
    const node = cluster.store.get('Node', undefined, pod.spec.nodeName);
    if (!node) continue;
    if (pod.status.phase === 'Pending') {
      const nodeIP = node.status.addresses.find((a) => a.type === 'InternalIP')!.address;
      const ip = pod.spec.hostNetwork ? nodeIP : cluster.ipamFor(node.metadata.name, node.spec.podCIDR).allocate();
      if (!ip) continue;
      pod.status = {
        ...pod.status,
        phase: 'Running',
        podIP: ip,
        hostIP: nodeIP,
        startTime: now,
        readyAt: now + readinessDelay(pod),
        serviceEnv: serviceEnv(cluster, pod) as Record<string, string>,
      };
      pod.status.ready = isReady(pod, now);
      cluster.update(pod);
      changed = true;
      continue;
    }
    const shouldBeReady = isReady(pod, now);
    if (pod.status.ready !== shouldBeReady) {
      pod.status.ready = shouldBeReady;
      cluster.update(pod);
      changed = true;
    }
  }
  return changed;
}
