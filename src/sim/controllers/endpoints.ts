/**
 * The Endpoints controller: one Endpoints object per Service with a selector,
 * ready pods in `addresses`, the others in `notReadyAddresses`, terminating
 * pods left out, and addresses grouped into subsets by identical port sets.
 * Mirrors k/k pkg/controller/endpoint/endpoints_controller.go (syncService)
 * and pkg/api/v1/endpoints/util.go (RepackSubsets).
 */
import type { Cluster } from '../cluster';
import type { EndpointAddress, EndpointPort, Endpoints, EndpointSubset, Pod, Service } from '../model/types';
import { serviceLabelsFor } from './endpointslice';
import { sameStringMap } from './hash';
import { podLabelIndex } from './indexes';
import { compareIPs, managesEndpoints, resolveTargetPort, selectedPods } from './service-pods';
import { ServiceQueueFiller } from './service-queue';
import { openQueue } from './work-queue';
import { lastChangeTriggerTime, setTriggerTime } from './trigger-time';

const READER = 'endpoints-controller';
const filler = new ServiceQueueFiller();

/** Syncs the Services whose object, pods or Endpoints were written since the last pass. */
export function reconcileEndpoints(cluster: Cluster): boolean {
  const queue = openQueue(cluster, READER);
  filler.fill(cluster, queue, (o) => (o.kind === 'Endpoints' ? `${o.metadata.namespace}/${o.metadata.name}` : undefined));
  const services = queue.objects(cluster, 'Service');
  const changed = services.length > 0 && syncServices(cluster, services);
  cluster.journal.caughtUp(READER);
  return changed;
}

function syncServices(cluster: Cluster, services: readonly Service[]): boolean {
  let changed = false;
  const pods = podLabelIndex(cluster);
  for (const svc of services) {
    if (!managesEndpoints(svc)) continue;
    const selected = selectedPods(pods, svc, true);
    // ShouldPodBeInEndpoints(pod, publishNotReadyAddresses): terminating pods stay only when not-ready ones are published.
    const subsets = desiredSubsets(svc.spec.publishNotReadyAddresses === true ? selected : selected.filter((p) => p.metadata.deletionTimestamp === undefined), svc);
    const labels = serviceLabelsFor(svc);
    const triggerTime = lastChangeTriggerTime(cluster, READER, svc, selected);
    const existing = cluster.store.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
    if (!existing) {
      const annotations = setTriggerTime(undefined, triggerTime);
      const ep: Endpoints = {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: cluster.newMeta(svc.metadata.name, svc.metadata.namespace, { labels, ...(annotations ? { annotations } : {}) }),
        subsets,
      };
      cluster.create(ep);
      changed = true;
    } else if (JSON.stringify(existing.subsets ?? []) !== JSON.stringify(subsets) || !sameStringMap(existing.metadata.labels, labels)) {
      existing.subsets = subsets;
      existing.metadata.labels = labels;
      const annotations = setTriggerTime(existing.metadata.annotations, triggerTime);
      if (annotations) existing.metadata.annotations = annotations;
      else delete existing.metadata.annotations;
      cluster.update(existing);
      changed = true;
    }
  }
  return changed;
}

function desiredSubsets(candidates: Pod[], svc: Service): EndpointSubset[] {
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of candidates) {
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec.ports) {
      const port = resolveTargetPort(pod, sp);
      if (port === undefined) continue;
      const ep: EndpointPort = sp.name ? { name: sp.name, port, protocol: sp.protocol } : { port, protocol: sp.protocol };
      ports.push(ep);
    }
    if (ports.length === 0 && svc.spec.ports.length > 0) continue;
    ports.sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : a.port - b.port));
    let key = '';
    for (const p of ports) key += `${p.name ?? ''}/${p.port}/${p.protocol};`;
    const group = groups.get(key) ?? { ports, ready: [], notReady: [] };
    groups.set(key, group);
    const targetRef = { kind: 'Pod' as const, name: pod.metadata.name, namespace: pod.metadata.namespace!, uid: pod.metadata.uid };
    const address: EndpointAddress = pod.spec.hostname && pod.spec.subdomain === svc.metadata.name
      ? { ip: pod.status.podIP!, hostname: pod.spec.hostname, nodeName: pod.spec.nodeName, targetRef }
      : { ip: pod.status.podIP!, nodeName: pod.spec.nodeName, targetRef };
    if (pod.status.ready || svc.spec.publishNotReadyAddresses) group.ready.push(address);
    else group.notReady.push(address);
  }
  const byIP = (a: EndpointAddress, b: EndpointAddress) => compareIPs(a.ip, b.ip);
  return [...groups.values()].map((g) => {
    const subset: EndpointSubset = {};
    if (g.ready.length) subset.addresses = g.ready.sort(byIP);
    if (g.notReady.length) subset.notReadyAddresses = g.notReady.sort(byIP);
    if (g.ports.length) subset.ports = g.ports;
    return subset;
  });
}
