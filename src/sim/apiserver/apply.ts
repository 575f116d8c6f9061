/**
 * The write path for one manifest: decode with defaults, validate, allocate,
 * then create or update, answering with the line kubectl prints.
 * Mode 'apply' keeps the manifest in the last-applied-configuration annotation,
 * replaces the stored spec with the manifest's and reports "unchanged" when the
 * annotation is the same as last time: the scenario editor's whole-file apply.
 * `kubectl apply` in the shell does the three-way merge instead
 * (src/shell/kubectl/three-way.ts) and sends its result through 'update'.
 */
import type { Cluster } from '../cluster';
import { canonicalJson } from '../controllers/hash';
import type { Deployment, Kind, KubeObject, Pod, ReplicaSet, Service, StatefulSet } from '../model/types';
import { checkKind, decodeManifest } from './decode';
import { strictDecodingMessage, unknownFields } from './strict-fields';
import { formatInvalid, forbidden, invalid, type FieldError } from './field-errors';
import { groupResource, resourceRef } from './resource-names';
import { allocateServiceResources, assignLoadBalancer, dropTypeDependentFields } from './service-allocation';
import { validateDeployment, validatePod, validateStatefulSet } from './validate-pod';
import { validateService } from './validate-service';
import { validateConfigMap, validateSecret } from './validate-config';
import { dns1123LabelErrors, dns1123SubdomainErrors } from './name-rules';
import { validateObjectMeta } from './validate-meta';
import { MAX_PODS, podRoom } from '../limits';
import { validateUpdate } from './validate-update';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export type ApplyOutcome = (
  | { ok: true; message: string; object: KubeObject }
  | { ok: false; message: string; causes: { field?: string; message: string }[] }
) & {
  /**
   * apply found the object without a last-applied-configuration annotation (made by
   * create, run, expose...): kubectl warns, then patches the annotation in.
   */
  missingLastApplied?: { kind: Kind; name: string };
};

export interface ApplyOptions {
  /**
   * "apply" records last-applied and updates; "create" fails when the object exists;
   * "update" replaces an existing object as sent (kubectl patch, set, rollout restart),
   * leaving the last-applied annotation as it was.
   */
  mode: 'apply' | 'create' | 'update';
  source: string;
  /** Validate only: report what the server would reject, change nothing. */
  dryRun?: boolean;
  /**
   * Namespaces an earlier document of the same apply creates: kubectl apply -f sends the
   * documents one by one, in order, so a Namespace above makes the objects below it valid
   * (a dry run of the whole text must count them as existing).
   */
  namespacesCreatedEarlier?: ReadonlySet<string>;
  /**
   * With dryRun: also find what only the update would refuse (a Service's clusterIP, a Pod's spec),
   * comparing the sent object with the live one. For the editor, whose text is the whole desired
   * object; kubectl apply's three-way merge keeps live fields the file lacks, so it must not.
   */
  checkImmutable?: boolean;
}

function validate(obj: KubeObject): FieldError[] {
  switch (obj.kind) {
    case 'Service':
      return validateService(obj);
    case 'Pod':
      return validatePod(obj);
    case 'Deployment':
    case 'ReplicaSet':
      return validateDeployment(obj);
    case 'StatefulSet':
      return validateStatefulSet(obj);
    case 'Namespace':
      return validateObjectMeta(obj.metadata, dns1123LabelErrors);
    case 'ConfigMap':
      return validateConfigMap(obj);
    case 'Secret':
      return validateSecret(obj);
    default:
      return validateObjectMeta(obj.metadata, dns1123SubdomainErrors);
  }
}

function rejected(kind: string, name: string, errs: FieldError[]): ApplyOutcome {
  return { ok: false, message: formatInvalid(kind, name, errs), causes: errs.map((e) => ({ field: e.field, message: formatInvalid(kind, name, [e]) })) };
}

export function applyManifest(cluster: Cluster, raw: Record<string, unknown>, opts: ApplyOptions): ApplyOutcome {
  const kindCheck = checkKind(raw, opts.source);
  if (!kindCheck.ok) return { ok: false, message: kindCheck.message, causes: [{ field: kindCheck.field, message: kindCheck.message }] };
  const unknown = unknownFields(kindCheck.kind, raw);
  if (unknown.length > 0) {
    const message = `Error from server (BadRequest): error when creating "${opts.source}": ${strictDecodingMessage(kindCheck.kind, unknown)}`;
    return { ok: false, message, causes: unknown.map((field) => ({ field, message })) };
  }
  const decoded = decodeManifest(raw, kindCheck.kind, cluster.clock.now());
  if (!decoded.ok) {
    const message = `Error from server (BadRequest): error when creating "${opts.source}": ${decoded.message}`;
    return { ok: false, message, causes: [{ field: decoded.field, message }] };
  }
  const obj = decoded.object;
  const { kind } = obj;
  const ns = obj.metadata.namespace;
  if (obj.kind === 'Service' && opts.mode !== 'create') {
    const previous = cluster.store.get('Service', ns, obj.metadata.name);
    if (previous) dropTypeDependentFields(obj, previous);
  }
  const errs = validate(obj);
  if (opts.mode !== 'create') errs.push(...validateUpdate(cluster.store.get(kind, ns, obj.metadata.name), obj));
  if (errs.length > 0) return rejected(kind, obj.metadata.name, errs);
  if (ns !== undefined && !cluster.store.get('Namespace', undefined, ns) && !opts.namespacesCreatedEarlier?.has(ns)) {
    const message = `Error from server (NotFound): error when creating "${opts.source}": namespaces "${ns}" not found`;
    return { ok: false, message, causes: [{ field: 'metadata.namespace', message }] };
  }
  if (opts.dryRun) {
    // What only the update path finds (a Service's clusterIP, a Pod's spec) must stop a dry run too.
    const current = cluster.store.get(kind, ns, obj.metadata.name);
    const live = current && current.metadata.deletionTimestamp === undefined ? current : undefined;
    const updateErrs = live && opts.checkImmutable && opts.mode !== 'create' ? immutableFieldErrors(live, obj) : [];
    if (updateErrs.length > 0) return rejected(kind, obj.metadata.name, updateErrs);
    return { ok: true, message: `${resourceRef(kind, obj.metadata.name)} (dry run)`, object: obj };
  }
  const lastApplied = canonicalJson(raw) + '\n';
  const existing = cluster.store.get(kind, ns, obj.metadata.name);
  const ref = resourceRef(kind, obj.metadata.name);
  if (existing && opts.mode === 'create') {
    const message = `Error from server (AlreadyExists): error when creating "${opts.source}": ${groupResource(kind)} "${obj.metadata.name}" already exists`;
    return { ok: false, message, causes: [{ field: 'metadata.name', message }] };
  }
  if (opts.mode === 'apply') obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied };
  if (!existing) {
    if (obj.kind === 'Pod' && podRoom(cluster) === 0) {
      const message = `error: simulator limit: this simulated cluster holds at most ${MAX_PODS} pods; pod "${obj.metadata.name}" was not created`;
      return { ok: false, message, causes: [{ field: 'metadata.name', message }] };
    }
    if (obj.kind === 'Service') {
      const allocErrs = allocateServiceResources(cluster, obj);
      if (allocErrs.length > 0) return rejected(kind, obj.metadata.name, allocErrs);
      assignLoadBalancer(cluster, obj);
    }
    cluster.create(obj);
    return { ok: true, message: `${ref} created`, object: obj };
  }
  const previous = existing.metadata.annotations?.[LAST_APPLIED];
  if (opts.mode === 'apply' && previous === lastApplied) return { ok: true, message: `${ref} unchanged`, object: existing };
  // kubectl apply warns about an object made without it; patch and set do not look.
  const missing = opts.mode === 'apply' && previous === undefined ? { missingLastApplied: { kind, name: obj.metadata.name } } : {};
  const updateErrs = mergeInto(cluster, existing, obj);
  if (updateErrs.length > 0) return { ...rejected(kind, obj.metadata.name, updateErrs), ...missing };
  return { ok: true, message: `${ref} configured`, object: existing, ...missing };
}

/**
 * A Pod's spec is immutable but for images and a few fields: k/k pkg/apis/core/validation/validation.go
 * ValidatePodUpdate (its Forbidden "pod updates may not change fields other than ...").
 */
function podUpdateErrors(existing: Pod, pod: Pod): FieldError[] {
  // Tolerations may only grow; the defaults the API prints (not-ready, unreachable) come back on a read-modify-write.
  const strip = (p: Pod) => canonicalJson({ ...p.spec, nodeName: undefined, tolerations: undefined, containers: p.spec.containers.map((c) => ({ ...c, image: '' })) });
  if (strip(existing) === strip(pod)) return [];
  return [forbidden('spec', 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)')];
}

/** The update errors a dry run must find without allocating: a Pod's spec, a Service's clusterIP. */
function immutableFieldErrors(existing: KubeObject, next: KubeObject): FieldError[] {
  if (existing.kind === 'Pod' && next.kind === 'Pod') return podUpdateErrors(existing, next);
  if (existing.kind === 'Service' && next.kind === 'Service') {
    const old = existing.spec.clusterIP;
    const ip = next.spec.clusterIP;
    // pkg/registry/core/service/storage/alloc.go: a set ClusterIP may not change (the type change to ExternalName drops it first).
    if (old && old !== 'None' && ip && ip !== old && next.spec.type !== 'ExternalName' && ip !== 'None') {
      return [invalid('spec.clusterIPs[0]', { kind: 'stringSlice', v: [ip] }, 'may not change once set')];
    }
  }
  return [];
}

/** Applies the new desired state onto the stored object, keeping what the server owns. */
function mergeInto(cluster: Cluster, existing: KubeObject, next: KubeObject): FieldError[] {
  const meta = existing.metadata;
  meta.labels = next.metadata.labels;
  meta.annotations = { ...next.metadata.annotations };
  switch (existing.kind) {
    case 'Service': {
      const svc = next as Service;
      const errs = allocateServiceResources(cluster, svc, existing);
      if (errs.length > 0) return errs;
      existing.spec = svc.spec;
      assignLoadBalancer(cluster, existing);
      break;
    }
    case 'Deployment': {
      const d = next as Deployment;
      if (canonicalJson(existing.spec) !== canonicalJson(d.spec)) meta.generation = (meta.generation ?? 1) + 1;
      existing.spec = d.spec;
      break;
    }
    case 'StatefulSet': {
      const sts = next as StatefulSet;
      if (canonicalJson(existing.spec) !== canonicalJson(sts.spec)) meta.generation = (meta.generation ?? 1) + 1;
      existing.spec = sts.spec;
      break;
    }
    case 'ReplicaSet': {
      const rs = next as ReplicaSet;
      if (canonicalJson(existing.spec) !== canonicalJson(rs.spec)) meta.generation = (meta.generation ?? 1) + 1;
      existing.spec = rs.spec;
      break;
    }
    case 'Pod': {
      const pod = next as Pod;
      const errs = podUpdateErrors(existing, pod);
      if (errs.length > 0) return errs;
      existing.spec.containers = pod.spec.containers;
      break;
    }
    case 'Endpoints':
    case 'EndpointSlice':
    case 'ConfigMap':
    case 'Secret':
      // Whole objects: data replaced, an absent key removed.
      for (const k of ['data', 'binaryData', 'immutable', 'subsets', 'endpoints', 'ports', 'addressType', 'type']) if (!(k in next)) delete (existing as unknown as Record<string, unknown>)[k];
      Object.assign(existing, { ...next, metadata: meta });
      break;
    default:
      break;
  }
  cluster.update(existing);
  return [];
}
