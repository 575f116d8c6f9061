/**
 * Deployment -> ReplicaSet: one ReplicaSet per pod template, named
 * <deployment>-<pod-template-hash>. A changed template gets a new ReplicaSet and the
 * rollout moves pods over as the strategy allows: RollingUpdate grows the new one up to
 * replicas + maxSurge and shrinks the old ones only while replicas - maxUnavailable pods
 * stay available, so a new ReplicaSet whose pods never become ready stalls the rollout and
 * the old pods keep serving; Recreate scales the old ones to zero and starts the new one
 * once their pods are gone. Changing replicas mid-rollout scales the ReplicaSets in
 * proportion. Mirrors k/k pkg/controller/deployment (sync.go getNewReplicaSet, scale,
 * isScalingEvent, calculateStatus; rolling.go; recreate.go).
 */
import type { Cluster } from '../cluster';
import type { Deployment, OwnerReference, ReplicaSet } from '../model/types';
import { availableReplicas, DESIRED_REPLICAS, isRolling, MAX_REPLICAS, maxSurge, maxUnavailable, newRSNewReplicas, proportion, specReplicas } from './rollout-math';
import { podTemplateHash } from './hash';
import { byControllerUid, controllerRef } from './indexes';
import { openQueue } from './work-queue';

export function ownerRef(owner: { apiVersion: string; kind: string; metadata: { name: string; uid: string } }): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

export function isOwnedBy(obj: { metadata: { ownerReferences?: OwnerReference[] } }, uid: string): boolean {
  return obj.metadata.ownerReferences?.some((r) => r.uid === uid) ?? false;
}

const READER = 'deployment-controller';
const SOURCE = { component: 'deployment-controller' };
const asIs = (a: string) => a;

export const REVISION = 'deployment.kubernetes.io/revision';

/** The rollout revision a Deployment or ReplicaSet carries (0 when none). */
export const revisionOf = (o: { metadata: { annotations?: Record<string, string> } }): number => Number(o.metadata.annotations?.[REVISION] ?? 0) || 0;
const maxRevision = (owned: ReplicaSet[]): number => owned.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
const nextRevision = (owned: ReplicaSet[]): string => String(maxRevision(owned) + 1);

/**
 * What the controller notes on a ReplicaSet (k/k pkg/controller/deployment/util
 * deployment_util.go SetNewReplicaSetAnnotations, SetReplicasAnnotations): the replicas
 * wanted, the most the rollout may run (replicas plus maxSurge), and the rollout revision,
 * which the Deployment carries too.
 */
function replicaAnnotations(d: Deployment): Record<string, string> {
  return { [DESIRED_REPLICAS]: String(d.spec.replicas), [MAX_REPLICAS]: String(d.spec.replicas + maxSurge(d)) };
}

/** scaleReplicaSet (sync.go): the new size and the replica annotations, with its event when the size changes. */
function scaleTo(cluster: Cluster, d: Deployment, rs: ReplicaSet, to: number): boolean {
  const from = rs.spec.replicas;
  const notes = replicaAnnotations(d);
  const stale = Object.entries(notes).some(([k, v]) => rs.metadata.annotations?.[k] !== v);
  if (from === to && !stale) return false;
  rs.spec.replicas = to;
  rs.metadata.annotations = { ...rs.metadata.annotations, ...notes };
  cluster.update(rs);
  if (from !== to) cluster.event({ subject: d, type: 'Normal', reason: 'ScalingReplicaSet', format: asIs, a: `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`, source: SOURCE });
  return from !== to;
}

/** Syncs the Deployments written since the last pass, and those whose ReplicaSets were. */
export function reconcileDeployments(cluster: Cluster): boolean {
  const queue = openQueue(cluster, READER);
  queue.addWithOwnersOf('Deployment', 'ReplicaSet');
  // deletePod (deployment_controller.go): a Recreate rollout waits for the old pods to be gone.
  const gone = queue.changes.filter((o) => o.kind === 'Pod' && cluster.store.get('Pod', o.metadata.namespace, o.metadata.name) !== o);
  if (gone.length > 0) {
    const rsByUid = new Map(cluster.store.list('ReplicaSet').map((rs) => [rs.metadata.uid, rs]));
    for (const pod of gone) {
      const rs = rsByUid.get(controllerRef(pod)?.uid ?? '');
      const ref = rs && controllerRef(rs);
      if (ref?.kind === 'Deployment') queue.addUid(ref.uid);
    }
  }
  let changed = false;
  const deployments = queue.objects(cluster, 'Deployment');
  if (deployments.length > 0) {
    const rsByOwner = byControllerUid(cluster.store.list('ReplicaSet'));
    for (const d of deployments) changed = syncDeployment(cluster, d, rsByOwner.get(d.metadata.uid) ?? []) || changed;
  }
  cluster.journal.caughtUp(READER);
  return changed;
}

const byAge = (a: ReplicaSet, b: ReplicaSet) => a.metadata.creationTimestamp - b.metadata.creationTimestamp || (a.metadata.name < b.metadata.name ? -1 : 1);

/** The new ReplicaSet (its template is the Deployment's), made when `create` and missing; its revision kept the newest. */
function newReplicaSet(cluster: Cluster, d: Deployment, owned: ReplicaSet[], create: boolean): ReplicaSet | undefined {
  const hash = podTemplateHash(d.spec.template);
  const rsName = `${d.metadata.name}-${hash}`;
  const old = owned.filter((rs) => rs.metadata.name !== rsName);
  const current = owned.find((rs) => rs.metadata.name === rsName);
  if (current) {
    // Brought back by a rollback to its template: it becomes the newest revision.
    if (old.length > 0 && revisionOf(current) <= maxRevision(old)) {
      current.metadata.annotations = { ...current.metadata.annotations, [REVISION]: nextRevision(old) };
      cluster.update(current);
    }
    return current;
  }
  if (!create) return undefined;
  const labels = { ...(d.spec.template.metadata.labels ?? {}), 'pod-template-hash': hash };
  const replicas = newRSNewReplicas(d, old, 0);
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: cluster.newMeta(rsName, d.metadata.namespace, { labels, ownerReferences: [ownerRef(d)], annotations: { ...replicaAnnotations(d), [REVISION]: nextRevision(old) } }),
    spec: {
      replicas,
      selector: { matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } },
      template: { metadata: { labels }, spec: d.spec.template.spec },
    },
    status: { replicas: 0, readyReplicas: 0, availableReplicas: 0 },
  };
  cluster.create(rs);
  if (replicas > 0) cluster.event({ subject: d, type: 'Normal', reason: 'ScalingReplicaSet', format: asIs, a: `Scaled up replica set ${rsName} from 0 to ${replicas}`, source: SOURCE });
  return rs;
}

function syncDeployment(cluster: Cluster, d: Deployment, owned: ReplicaSet[]): boolean {
  const version = cluster.version;
  const existing = newReplicaSet(cluster, d, owned, false);
  const oldRSs = owned.filter((rs) => rs !== existing).sort(byAge);
  const active = [...oldRSs, ...(existing ? [existing] : [])].filter((rs) => rs.spec.replicas > 0);
  const scaling = active.some((rs) => {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
    return desired !== undefined && Number(desired) !== d.spec.replicas;
  });
  if (scaling) scale(cluster, d, existing, oldRSs);
  else if (isRolling(d)) rolloutRolling(cluster, d, oldRSs, newReplicaSet(cluster, d, owned, true)!);
  else rolloutRecreate(cluster, d, oldRSs, existing, owned);
  const newRS = existing ?? cluster.store.get('ReplicaSet', d.metadata.namespace, `${d.metadata.name}-${podTemplateHash(d.spec.template)}`);
  syncRevision(cluster, d, newRS);
  syncStatus(cluster, d, [...oldRSs, ...(newRS ? [newRS] : [])], newRS);
  return cluster.version !== version;
}

/** A Deployment's replicas changed: scale (sync.go), in proportion while a rollout is under way. */
function scale(cluster: Cluster, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const all = [...oldRSs, ...(newRS ? [newRS] : [])];
  const active = all.filter((rs) => rs.spec.replicas > 0);
  // FindActiveOrLatest: the one active ReplicaSet, else the newest when none is.
  const only = active.length === 1 ? active[0] : active.length === 0 ? (newRS ?? [...oldRSs].reverse()[0]) : undefined;
  if (only) {
    scaleTo(cluster, d, only, d.spec.replicas);
    return;
  }
  const saturated = newRS && newRS.spec.replicas === d.spec.replicas && Number(newRS.metadata.annotations?.[DESIRED_REPLICAS]) === d.spec.replicas && newRS.status.availableReplicas === d.spec.replicas;
  if (saturated) {
    for (const rs of oldRSs) if (rs.spec.replicas > 0) scaleTo(cluster, d, rs, 0);
    return;
  }
  if (!isRolling(d)) return;
  const allowed = d.spec.replicas > 0 ? d.spec.replicas + maxSurge(d) : 0;
  const toAdd = allowed - specReplicas(active);
  // ReplicaSetsBySizeNewer (scaling up) / BySizeOlder (down): the largest first, ties by age.
  const order = [...active].sort((a, b) => b.spec.replicas - a.spec.replicas || (toAdd > 0 ? -byAge(a, b) : byAge(a, b)));
  const sizes = new Map<ReplicaSet, number>();
  let added = 0;
  for (const rs of order) {
    const p = toAdd !== 0 ? proportion(rs, d, toAdd, added) : 0;
    sizes.set(rs, rs.spec.replicas + p);
    added += p;
  }
  order.forEach((rs, i) => {
    let size = sizes.get(rs)!;
    // The leftover goes to the largest.
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    scaleTo(cluster, d, rs, size);
  });
}

/** rolling.go rolloutRolling: grow the new ReplicaSet within maxSurge, else shrink the old ones within maxUnavailable. */
function rolloutRolling(cluster: Cluster, d: Deployment, oldRSs: ReplicaSet[], newRS: ReplicaSet): void {
  const all = [...oldRSs, newRS];
  // reconcileNewReplicaSet
  if (newRS.spec.replicas > d.spec.replicas) {
    scaleTo(cluster, d, newRS, d.spec.replicas);
    return;
  }
  if (newRS.spec.replicas < d.spec.replicas && scaleTo(cluster, d, newRS, newRSNewReplicas(d, all, newRS.spec.replicas))) return;
  // reconcileOldReplicaSets
  if (specReplicas(oldRSs) === 0) return;
  const minAvailable = d.spec.replicas - maxUnavailable(d);
  const newUnavailable = newRS.spec.replicas - newRS.status.availableReplicas;
  const maxScaledDown = specReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return;
  // cleanupUnhealthyReplicas: old pods that are not available go first, oldest ReplicaSet first.
  let cleaned = 0;
  for (const rs of oldRSs) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = rs.spec.replicas - rs.status.availableReplicas;
    if (rs.spec.replicas === 0 || unhealthy <= 0) continue;
    const n = Math.min(maxScaledDown - cleaned, unhealthy);
    scaleTo(cluster, d, rs, rs.spec.replicas - n);
    cleaned += n;
  }
  // scaleDownOldReplicaSetsForRollingUpdate: then available old pods, while minAvailable stay.
  const available = availableReplicas(all);
  if (available <= minAvailable) return;
  const total = available - minAvailable;
  let done = 0;
  for (const rs of oldRSs) {
    if (done >= total) break;
    if (rs.spec.replicas === 0) continue;
    const n = Math.min(rs.spec.replicas, total - done);
    scaleTo(cluster, d, rs, rs.spec.replicas - n);
    done += n;
  }
}

/** recreate.go rolloutRecreate: old ReplicaSets to zero; the new one only once no old pod is left running. */
function rolloutRecreate(cluster: Cluster, d: Deployment, oldRSs: ReplicaSet[], newRS: ReplicaSet | undefined, owned: ReplicaSet[]): void {
  let scaledDown = false;
  for (const rs of oldRSs) if (rs.spec.replicas > 0) scaledDown = scaleTo(cluster, d, rs, 0) || scaledDown;
  if (scaledDown) return;
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
  // oldPodsRunning: a pod not Succeeded or Failed, Terminating ones included.
  const running = cluster.store.list('Pod', d.metadata.namespace).some((p) => p.metadata.ownerReferences?.some((r) => r.controller && oldUids.has(r.uid)) && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
  if (running) return;
  if (newRS) scaleTo(cluster, d, newRS, d.spec.replicas);
  else newReplicaSet(cluster, d, owned, true);
}

function syncRevision(cluster: Cluster, d: Deployment, newRS: ReplicaSet | undefined): void {
  const revision = newRS?.metadata.annotations?.[REVISION];
  if (revision !== undefined && d.metadata.annotations?.[REVISION] !== revision) {
    d.metadata.annotations = { ...d.metadata.annotations, [REVISION]: revision };
    cluster.update(d);
  }
}

/** calculateStatus (sync.go): counts over every ReplicaSet; updated is the new one's. */
function syncStatus(cluster: Cluster, d: Deployment, all: ReplicaSet[], newRS: ReplicaSet | undefined): void {
  const available = availableReplicas(all);
  const status: Deployment['status'] = {
    replicas: all.reduce((n, rs) => n + rs.status.replicas, 0),
    readyReplicas: all.reduce((n, rs) => n + rs.status.readyReplicas, 0),
    updatedReplicas: newRS?.status.replicas ?? 0,
    availableReplicas: available,
    unavailableReplicas: Math.max(0, specReplicas(all) - available),
  };
  const was = d.status as Record<string, unknown> | undefined;
  if (!was || Object.keys(status).some((k) => was[k] !== status[k as keyof typeof status]) || Object.keys(was).length !== Object.keys(status).length) {
    d.status = status;
    cluster.update(d);
  }
}
