/**
 * What both endpoint controllers share: the pods a Service selects and the
 * target port each of its ports resolves to on a given pod.
 * Mirrors k/k pkg/api/v1/pod/util.go (FindPort) and
 * staging/src/k8s.io/endpointslice/utils.go (ShouldPodBeInEndpoints).
 */
import type { PodLabelIndex } from './indexes';
import { parseIPv4 } from '../net/ip';
import type { Pod, Service, ServicePort } from '../model/types';

/** A named targetPort resolves per pod from its containers' port names; undefined when the pod has no such port. */
export function resolveTargetPort(pod: Pod, port: ServicePort): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  for (const c of pod.spec.containers) {
    for (const cp of c.ports ?? []) {
      if (cp.name === port.targetPort && cp.protocol === port.protocol) return cp.containerPort;
    }
  }
  return undefined;
}

/** Pods a Service's selector picks that can be endpoints at all (have an IP, not finished). */
export function selectedPods(pods: PodLabelIndex, svc: Service, includeTerminating: boolean): Pod[] {
  const selector = svc.spec.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  return pods.select(svc.metadata.namespace!, selector).filter(
    (p) =>
      !!p.status.podIP &&
      p.status.phase !== 'Succeeded' &&
      p.status.phase !== 'Failed' &&
      (includeTerminating || p.metadata.deletionTimestamp === undefined),
  );
}

export function managesEndpoints(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && !!svc.spec.selector && Object.keys(svc.spec.selector).length > 0;
}

export function compareIPs(a: string, b: string): number {
  return (parseIPv4(a) ?? 0) - (parseIPv4(b) ?? 0);
}
