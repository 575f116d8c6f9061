/**
 * The last-change trigger time the Endpoints and EndpointSlice controllers write as the
 * endpoints.kubernetes.io/last-change-trigger-time annotation: per Service, the earliest of the
 * trigger times that changed since the previous sync (a pod's Ready condition lastTransitionTime,
 * the Service's creationTimestamp), zero when none did. Each controller keeps its own tracker.
 * Mirrors k/k pkg/controller/util/endpoint/trigger_time_tracker.go (ComputeEndpointLastChangeTriggerTime,
 * getPodTriggerTime, getServiceTriggerTime); the value is time.RFC3339Nano of a second-precision time.
 */
import type { Cluster } from '../cluster';
import { simTimeToIso } from '../clock';
import type { Pod, Service } from '../model/types';

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

interface ServiceState {
  lastServiceTriggerTime: number;
  lastPodTriggerTimes: Map<string, number>;
}

type Tracker = Map<string, ServiceState>;
const trackers = new WeakMap<Cluster, Map<string, Tracker>>();

function trackerOf(cluster: Cluster, controller: string): Tracker {
  let byController = trackers.get(cluster);
  if (!byController) trackers.set(cluster, (byController = new Map()));
  let t = byController.get(controller);
  if (!t) byController.set(controller, (t = new Map()));
  return t;
}

/** getPodTriggerTime: the Ready condition's lastTransitionTime; a pod no node took has none. */
function podTriggerTime(pod: Pod): number | undefined {
  if (!pod.spec.nodeName) return undefined;
  return Math.floor(pod.status.readyAt ?? pod.metadata.creationTimestamp);
}

/** The trigger time for this sync of `svc` over its selected pods (undefined: zero), recording the state. */
export function lastChangeTriggerTime(cluster: Cluster, controller: string, svc: Service, pods: readonly Pod[]): number | undefined {
  const tracker = trackerOf(cluster, controller);
  const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
  const state = tracker.get(key);
  let min: number | undefined;
  const podTimes = new Map<string, number>();
  for (const pod of pods) {
    const t = podTriggerTime(pod);
    if (t === undefined) continue;
    podTimes.set(pod.metadata.name, t);
    if (!state || t > (state.lastPodTriggerTimes.get(pod.metadata.name) ?? -Infinity)) min = min === undefined ? t : Math.min(min, t);
  }
  const svcTime = Math.floor(svc.metadata.creationTimestamp);
  if (!state || svcTime > state.lastServiceTriggerTime) min = min === undefined ? svcTime : Math.min(min, svcTime);
  tracker.set(key, { lastServiceTriggerTime: svcTime, lastPodTriggerTimes: podTimes });
  return min;
}

/** Sets the annotation to the trigger time, or removes it when there is none (syncService). */
export function setTriggerTime(annotations: Record<string, string> | undefined, time: number | undefined): Record<string, string> | undefined {
  const next = { ...(annotations ?? {}) };
  if (time === undefined) delete next[TRIGGER_TIME_ANNOTATION];
  else next[TRIGGER_TIME_ANNOTATION] = simTimeToIso(time);
  return Object.keys(next).length ? next : undefined;
}

/** Forgets a deleted Service (DeleteService), so a new one of the same name starts fresh. */
export function forgetService(cluster: Cluster, controller: string, namespace: string | undefined, name: string): void {
  trackerOf(cluster, controller).delete(`${namespace}/${name}`);
}
