/**
 * The EndpointSlice mirroring controller: Endpoints a user writes for a
 * Service without a selector are copied into EndpointSlices, so that
 * kube-proxy and CoreDNS (which read slices) see them. Endpoints labelled
 * endpointslice.kubernetes.io/skip-mirror, and those of Services with a
 * selector, are left alone.
 * Mirrors k/k pkg/controller/endpointslicemirroring (reconciler.go, utils.go).
 */
import type { Cluster } from '../cluster';
import type { EndpointSlice, Endpoints, Service, SliceEndpoint } from '../model/types';
import { canonicalJson } from './hash';
import { createSlice, MANAGED_BY } from './endpointslice';
import { openQueue } from './work-queue';

export const MIRROR_MANAGER = 'endpointslicemirroring-controller.k8s.io';

/** Mirrored endpoints carry ready alone (pkg/controller/endpointslicemirroring/utils.go addressToEndpoint). */
function mirrored(ep: Endpoints): { endpoints: SliceEndpoint[]; ports: NonNullable<EndpointSlice['ports']> }[] {
  return (ep.subsets ?? []).map((s) => ({
    ports: (s.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
    endpoints: [
      ...(s.addresses ?? []).map((a) => ({ addresses: [a.ip], conditions: { ready: true }, ...(a.nodeName ? { nodeName: a.nodeName } : {}), ...(a.hostname ? { hostname: a.hostname } : {}) })),
      ...(s.notReadyAddresses ?? []).map((a) => ({ addresses: [a.ip], conditions: { ready: false }, ...(a.nodeName ? { nodeName: a.nodeName } : {}) })),
    ],
  }));
}

function shouldMirror(svc: Service | undefined, ep: Endpoints): svc is Service {
  if (!svc || svc.spec.type === 'ExternalName') return false;
  if (svc.spec.selector && Object.keys(svc.spec.selector).length > 0) return false;
  return ep.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] !== 'true';
}

const READER = 'endpointslice-mirroring-controller';

/** Runs when an Endpoints object, a Service or a slice was written since the last pass. */
export function reconcileEndpointSliceMirroring(cluster: Cluster): boolean {
  const queue = openQueue(cluster, READER);
  const wakes = queue.all || queue.changes.some((o) => o.kind === 'Endpoints' || o.kind === 'Service' || o.kind === 'EndpointSlice');
  const changed = wakes && mirrorAll(cluster);
  cluster.journal.caughtUp(READER);
  return changed;
}

function mirrorAll(cluster: Cluster): boolean {
  let changed = false;
  const existing = new Map<string, EndpointSlice[]>();
  for (const s of cluster.store.list('EndpointSlice')) {
    if (s.metadata.labels?.[MANAGED_BY] !== MIRROR_MANAGER) continue;
    const key = `${s.metadata.namespace}/${s.metadata.labels['kubernetes.io/service-name']}`;
    existing.set(key, [...(existing.get(key) ?? []), s]);
  }
  for (const ep of cluster.store.list('Endpoints')) {
    const key = `${ep.metadata.namespace}/${ep.metadata.name}`;
    const svc = cluster.store.get('Service', ep.metadata.namespace, ep.metadata.name);
    if (!shouldMirror(svc, ep)) continue;
    const have = existing.get(key) ?? [];
    existing.delete(key);
    const want = mirrored(ep).filter((g) => g.endpoints.length > 0);
    const labels = { ...(svc.metadata.labels ?? {}), [MANAGED_BY]: MIRROR_MANAGER, 'kubernetes.io/service-name': svc.metadata.name };
    want.forEach((g, i) => {
      const slice = have[i];
      if (slice) {
        if (canonicalJson({ e: slice.endpoints, p: slice.ports }) !== canonicalJson({ e: g.endpoints, p: g.ports })) {
          slice.endpoints = g.endpoints;
          slice.ports = g.ports;
          cluster.update(slice);
          changed = true;
        }
        return;
      }
      createSlice(cluster, svc, ep, labels, g);
      changed = true;
    });
    for (const extra of have.slice(want.length)) {
      cluster.remove(extra);
      changed = true;
    }
  }
  for (const orphans of existing.values()) for (const s of orphans) {
    cluster.remove(s);
    changed = true;
  }
  return changed;
}
