/**
 * Deleting objects: a Service gives back its ClusterIP and nodePorts at once;
 * owned objects (ReplicaSets, Pods, EndpointSlices) go with their owner, as
 * the garbage collector's background cascade does.
 */
import type { Cluster } from '../cluster';
import type { Kind, KubeObject } from '../model/types';
import { releaseServiceResources } from './service-allocation';

export interface DeleteOptions {
  /** A pod's grace period: undefined for its default (30 s), 0 to remove it at once. */
  graceSeconds?: number;
}

/** The namespaces kube-apiserver's NamespaceLifecycle admission keeps (its immortalNamespaces). */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/**
 * Why the API server refuses to delete this object, if it does: NamespaceLifecycle admission
 * (plugin/pkg/admission/namespace/lifecycle/admission.go) forbids deleting an immortal namespace.
 */
export function deleteForbidden(kind: Kind, name: string): string | undefined {
  return kind === 'Namespace' && IMMORTAL_NAMESPACES.has(name) ? `namespaces "${name}" is forbidden: this namespace may not be deleted` : undefined;
}

/** Deletes the object and what it owns; undefined when there is none, or when deleting it is forbidden (deleteForbidden). */
export function deleteObject(cluster: Cluster, kind: Kind, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject | undefined {
  const obj = cluster.store.get(kind, namespace, name);
  if (!obj || deleteForbidden(kind, name)) return undefined;
  if (obj.kind === 'Service') releaseServiceResources(cluster, obj);
  if (obj.kind === 'Pod') cluster.deletePod(obj, opts.graceSeconds);
  else cluster.remove(obj);
  if (obj.kind === 'Namespace') {
    for (const k of ['Deployment', 'ReplicaSet', 'StatefulSet', 'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'Secret'] as const) {
      for (const o of cluster.store.list(k, name)) deleteObject(cluster, k, name, o.metadata.name);
    }
  }
  collectGarbage(cluster);
  return obj;
}

const OWNED_KINDS = ['ReplicaSet', 'Pod', 'EndpointSlice'] as const;
const MODELLED_OWNERS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'Service', 'Endpoints']);

/** Removes objects whose controlling owner is gone. Mirrors k/k pkg/controller/garbagecollector. */
export function collectGarbage(cluster: Cluster): void {
  let removed = true;
  while (removed) {
    removed = false;
    const uids = new Set<string>();
    for (const k of ['Deployment', 'ReplicaSet', 'StatefulSet', 'Service', 'Endpoints'] as const) for (const o of cluster.store.list(k)) uids.add(o.metadata.uid);
    for (const k of OWNED_KINDS) {
      for (const o of cluster.store.list(k)) {
        const owner = o.metadata.ownerReferences?.find((r) => r.controller);
        if (!owner || !MODELLED_OWNERS.has(owner.kind) || uids.has(owner.uid)) continue;
        if (o.kind === 'Pod') {
          if (o.metadata.deletionTimestamp !== undefined) continue;
          cluster.deletePod(o);
        } else cluster.remove(o);
        removed = true;
      }
    }
  }
  for (const ep of cluster.store.list('Endpoints')) {
    if (!cluster.store.get('Service', ep.metadata.namespace, ep.metadata.name)) cluster.remove(ep);
  }
}
