/**
 * The EndpointSlice controller: slices named <service>-<5 random characters>,
 * at most 100 endpoints each, one group of slices per resolved port set,
 * terminating pods kept with their conditions, and a placeholder slice when
 * nothing matches.
 * Mirrors staging/src/k8s.io/endpointslice (reconciler.go, utils.go podToEndpoint).
 */
import type { Cluster } from '../cluster';
import type { EndpointSlice, Endpoints, KubeObject, Pod, Service, SliceEndpoint } from '../model/types';
import { ownerRef } from './deployment';
import { sameStringMap } from './hash';
import { podLabelIndex } from './indexes';
import { ServiceQueueFiller } from './service-queue';
import { lastChangeTriggerTime, setTriggerTime } from './trigger-time';
import { openQueue, type WorkQueue } from './work-queue';
import { compareIPs, managesEndpoints, resolveTargetPort, selectedPods } from './service-pods';

export const MAX_ENDPOINTS_PER_SLICE = 100;
export const SLICE_MANAGER = 'endpointslice-controller.k8s.io';
/** v1.IsHeadlessService */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** The Service's labels, plus service.kubernetes.io/headless on a Service without a ClusterIP (a fresh object). */
export function serviceLabelsFor(svc: Service): Record<string, string> {
  const labels: Record<string, string> = svc.metadata.labels ? { ...svc.metadata.labels } : {};
  if (svc.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  else if (HEADLESS_LABEL in labels) delete labels[HEADLESS_LABEL];
  return labels;
}

type SlicePorts = NonNullable<EndpointSlice['ports']>;

const READER = 'endpointslice-controller';
export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const filler = new ServiceQueueFiller();

/** The Service a slice this controller manages belongs to. */
function managedSliceKey(o: KubeObject): string | undefined {
  if (o.kind !== 'EndpointSlice' || o.metadata.labels?.[MANAGED_BY] !== SLICE_MANAGER) return undefined;
  return `${o.metadata.namespace}/${o.metadata.labels['kubernetes.io/service-name']}`;
}

/** Syncs the Services whose object, pods or slices were written since the last pass. */
export function reconcileEndpointSlices(cluster: Cluster): boolean {
  const queue = openQueue(cluster, READER);
  filler.fill(cluster, queue, managedSliceKey);
  const changed = !queue.empty && syncQueued(cluster, queue);
  cluster.journal.caughtUp(READER);
  return changed;
}

function syncQueued(cluster: Cluster, queue: WorkQueue): boolean {
  let changed = false;
  const pods = podLabelIndex(cluster);
  const managed = new Map<string, EndpointSlice[]>();
  for (const slice of cluster.store.list('EndpointSlice')) {
    const key = managedSliceKey(slice);
    if (key === undefined) continue;
    const list = managed.get(key);
    if (list) list.push(slice);
    else managed.set(key, [slice]);
  }
  for (const svc of queue.objects(cluster, 'Service')) {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const existing = managed.get(key) ?? [];
    managed.delete(key);
    if (!managesEndpoints(svc)) {
      for (const s of existing) cluster.remove(s);
      changed = changed || existing.length > 0;
      continue;
    }
    changed = syncService(cluster, selectedPods(pods, svc, true), svc, existing) || changed;
  }
  // Slices of a queued Service that is gone (every leftover on a full pass).
  for (const [key, orphans] of managed) {
    if (!queue.all && !queue.hasKey(key)) continue;
    for (const s of orphans) {
      cluster.remove(s);
      changed = true;
    }
  }
  return changed;
}

function desiredGroups(selected: readonly Pod[], svc: Service): { ports: SlicePorts | null; endpoints: SliceEndpoint[] }[] {
  const groups = new Map<string, { ports: SlicePorts; endpoints: SliceEndpoint[] }>();
  for (const pod of selected) {
    const ports: SlicePorts = [];
    for (const sp of svc.spec.ports) {
      const port = resolveTargetPort(pod, sp);
      if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol });
    }
    const key = portsKey(ports);
    const group = groups.get(key) ?? { ports, endpoints: [] };
    groups.set(key, group);
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const serving = pod.status.ready;
    const addresses = [pod.status.podIP!];
    const conditions = { ready: svc.spec.publishNotReadyAddresses === true || (serving && !terminating), serving, terminating };
    const targetRef = { kind: 'Pod' as const, name: pod.metadata.name, namespace: pod.metadata.namespace!, uid: pod.metadata.uid };
    group.endpoints.push(pod.spec.hostname && pod.spec.subdomain === svc.metadata.name
      ? { addresses, conditions, hostname: pod.spec.hostname, nodeName: pod.spec.nodeName, targetRef }
      : { addresses, conditions, nodeName: pod.spec.nodeName, targetRef });
  }
  const out: { ports: SlicePorts | null; endpoints: SliceEndpoint[] }[] = [];
  for (const g of groups.values()) {
    g.endpoints.sort((a, b) => compareIPs(a.addresses[0]!, b.addresses[0]!));
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      out.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  return out.length > 0 ? out : [{ ports: null, endpoints: [] }];
}

/** A new IPv4 slice for the Service, named <service>-<5 characters>, owned by `owner` (the Service, or mirrored Endpoints). */
export function createSlice(
  cluster: Cluster,
  svc: Service,
  owner: Service | Endpoints,
  labels: Record<string, string>,
  content: { endpoints: SliceEndpoint[]; ports: SlicePorts | null },
  annotations?: Record<string, string>,
): void {
  const prefix = `${svc.metadata.name}-`;
  cluster.create<EndpointSlice>({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: cluster.newMeta(cluster.generatedName('EndpointSlice', svc.metadata.namespace, prefix), svc.metadata.namespace, { generateName: prefix, labels, ...(annotations ? { annotations } : {}), ownerReferences: [ownerRef(owner)] }),
    addressType: 'IPv4',
    endpoints: content.endpoints,
    ports: content.ports,
  });
}

/** Pods with the same resolved ports share slices. */
function portsKey(ports: SlicePorts): string {
  let key = '';
  for (const p of ports) key += `${p.name}/${p.port}/${p.protocol};`;
  return key;
}

/** Brings the Service's slices to the wanted state; returns whether anything changed. */
function syncService(cluster: Cluster, selected: readonly Pod[], svc: Service, existing: EndpointSlice[]): boolean {
  const wanted = desiredGroups(selected, svc);
  const triggerTime = lastChangeTriggerTime(cluster, 'endpointslice-controller', svc, selected);
  const free = [...existing];
  let changed = false;
  // setEndpointSliceLabels: the Service's labels, service.kubernetes.io/headless when it has no ClusterIP, then the reserved two.
  const labels = serviceLabelsFor(svc);
  labels[MANAGED_BY] = SLICE_MANAGER;
  labels['kubernetes.io/service-name'] = svc.metadata.name;
  for (const want of wanted) {
    const portsKey = JSON.stringify(want.ports);
    const idx = free.findIndex((s) => JSON.stringify(s.ports) === portsKey);
    const reuse = idx >= 0 ? free.splice(idx, 1)[0] : free.shift();
    if (reuse) {
      if (
        JSON.stringify(reuse.endpoints) !== JSON.stringify(want.endpoints) ||
        JSON.stringify(reuse.ports) !== portsKey ||
        !sameStringMap(reuse.metadata.labels, labels)
      ) {
        reuse.endpoints = want.endpoints;
        reuse.ports = want.ports;
        reuse.metadata.labels = labels;
        const annotations = setTriggerTime(reuse.metadata.annotations, triggerTime);
        if (annotations) reuse.metadata.annotations = annotations;
        else delete reuse.metadata.annotations;
        cluster.update(reuse);
        changed = true;
      }
      continue;
    }
    createSlice(cluster, svc, svc, labels, want, setTriggerTime(undefined, triggerTime));
    changed = true;
  }
  for (const s of free) {
    cluster.remove(s);
    changed = true;
  }
  return changed;
}
