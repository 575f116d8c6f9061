/**
 * Deployment -> ReplicaSet: one ReplicaSet per pod template, named
 * <deployment>-<pod-template-hash>. A changed template gets a new ReplicaSet
 * and the old ones are scaled to zero (a rollout settled at once).
 * Mirrors k/k pkg/controller/deployment (sync.go getNewReplicaSet).
 */
import type { Cluster } from '../cluster';
import type { Deployment, OwnerReference, ReplicaSet } from '../model/types';
import { podTemplateHash } from './hash';
import { byControllerUid } from './indexes';
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
 * wanted, the most the rollout may run (replicas plus maxSurge, 25% rounded up), and the
 * rollout revision, which the Deployment carries too.
 */
function replicaAnnotations(d: Deployment, revision: string): Record<string, string> {
  const replicas = d.spec.replicas;
  return { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)), [REVISION]: revision };
}

/** The event scaleReplicaSet records (k/k pkg/controller/deployment/sync.go). */
function scaled(cluster: Cluster, d: Deployment, rs: ReplicaSet, to: number): void {
  const from = rs.spec.replicas;
  cluster.event({ subject: d, type: 'Normal', reason: 'ScalingReplicaSet', format: asIs, a: `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`, source: SOURCE });
}

/** Syncs the Deployments written since the last pass, and those whose ReplicaSets were. */
export function reconcileDeployments(cluster: Cluster): boolean {
  const queue = openQueue(cluster, READER);
  queue.addWithOwnersOf('Deployment', 'ReplicaSet');
  let changed = false;
  const deployments = queue.objects(cluster, 'Deployment');
  if (deployments.length > 0) {
    const rsByOwner = byControllerUid(cluster.store.list('ReplicaSet'));
    for (const d of deployments) changed = syncDeployment(cluster, d, rsByOwner.get(d.metadata.uid) ?? []) || changed;
  }
  cluster.journal.caughtUp(READER);
  return changed;
}

function syncDeployment(cluster: Cluster, d: Deployment, owned: ReplicaSet[]): boolean {
  const ns = d.metadata.namespace!;
  const hash = podTemplateHash(d.spec.template);
  const rsName = `${d.metadata.name}-${hash}`;
  let changed = false;
  let current = owned.find((rs) => rs.metadata.name === rsName);
  if (!current) {
    const labels = { ...(d.spec.template.metadata.labels ?? {}), 'pod-template-hash': hash };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: cluster.newMeta(rsName, ns, { labels, ownerReferences: [ownerRef(d)], annotations: replicaAnnotations(d, nextRevision(owned)) }),
      spec: {
        replicas: d.spec.replicas,
        selector: { matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } },
        template: { metadata: { labels }, spec: d.spec.template.spec },
      },
      status: { replicas: 0, readyReplicas: 0, availableReplicas: 0 },
    };
    current = cluster.create(rs);
    if (d.spec.replicas > 0) cluster.event({ subject: d, type: 'Normal', reason: 'ScalingReplicaSet', format: asIs, a: `Scaled up replica set ${rsName} from 0 to ${d.spec.replicas}`, source: SOURCE });
    changed = true;
  } else if (current.spec.replicas !== d.spec.replicas || (owned.length > 1 && revisionOf(current) !== maxRevision(owned))) {
    // Scaled, or brought back by a rollback to its template (it becomes the newest revision).
    if (current.spec.replicas !== d.spec.replicas) scaled(cluster, d, current, d.spec.replicas);
    const revision = revisionOf(current) === maxRevision(owned) ? String(revisionOf(current)) : nextRevision(owned);
    current.spec.replicas = d.spec.replicas;
    current.metadata.annotations = { ...current.metadata.annotations, ...replicaAnnotations(d, revision) };
    cluster.update(current);
    changed = true;
  }
  const revision = current.metadata.annotations?.[REVISION];
  if (revision !== undefined && d.metadata.annotations?.[REVISION] !== revision) {
    d.metadata.annotations = { ...d.metadata.annotations, [REVISION]: revision };
    cluster.update(d);
    changed = true;
  }
  for (const old of owned) {
    if (old !== current && old.spec.replicas !== 0) {
      scaled(cluster, d, old, 0);
      old.spec.replicas = 0;
      cluster.update(old);
      changed = true;
    }
  }
  const status = {
    replicas: current.status.replicas,
    readyReplicas: current.status.readyReplicas,
    updatedReplicas: current.status.replicas,
    availableReplicas: current.status.availableReplicas,
  };
  const was = d.status;
  if (!was || was.replicas !== status.replicas || was.readyReplicas !== status.readyReplicas || was.updatedReplicas !== status.updatedReplicas || was.availableReplicas !== status.availableReplicas || Object.keys(was).length !== 4) {
    d.status = status;
    cluster.update(d);
    changed = true;
  }
  return changed;
}
