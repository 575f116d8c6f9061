/**
 * kube-controller-manager's root-ca-cert-publisher (k/k pkg/controller/certificates/rootcacertpublisher/
 * publisher.go): every namespace holds the ConfigMap kube-root-ca.crt with the cluster CA in
 * ca.crt and a description annotation; one made when a namespace appears, made again when
 * deleted, and set back when edited.
 * Deliberate departure: the certificate is a stand-in (base64 that looks like a kubeadm CA but
 * does not parse), fixed so transcripts do not move.
 */
import type { Cluster } from '../cluster';
import type { ConfigMap } from '../model/types';
import { openQueue } from './work-queue';

export const ROOT_CA_NAME = 'kube-root-ca.crt';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

function standInCertificate(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let h = 2166136261;
  let body = 'MIIDBTCCAe2gAwIBAgIIQ';
  while (body.length < 1040) {
    // xorshift32: a fixed, unpatterned stand-in.
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    body += alphabet[(h >>> 11) % 64];
  }
  body += '==';
  const lines = body.match(/.{1,64}/g)!;
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export const CLUSTER_CA_PEM = standInCertificate();

export function rootCAConfigMap(cluster: Cluster, namespace: string, at?: number): ConfigMap {
  const meta = cluster.newMeta(ROOT_CA_NAME, namespace, { annotations: { 'kubernetes.io/description': DESCRIPTION } });
  if (at !== undefined) meta.creationTimestamp = at;
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { 'ca.crt': CLUSTER_CA_PEM } };
}

const READER = 'root-ca-cert-publisher';

export function reconcileRootCA(cluster: Cluster): boolean {
  const queue = openQueue(cluster, READER);
  const touched = queue.all || queue.changes.some((o) => o.kind === 'Namespace' || (o.kind === 'ConfigMap' && o.metadata.name === ROOT_CA_NAME));
  cluster.journal.caughtUp(READER);
  if (!touched) return false;
  let changed = false;
  for (const ns of cluster.store.list('Namespace')) {
    if (ns.status.phase !== 'Active' || ns.metadata.deletionTimestamp !== undefined) continue;
    const name = ns.metadata.name;
    const cm = cluster.store.get('ConfigMap', name, ROOT_CA_NAME);
    if (!cm) {
      cluster.create(rootCAConfigMap(cluster, name));
      changed = true;
    } else if (cm.data?.['ca.crt'] !== CLUSTER_CA_PEM || Object.keys(cm.data).length !== 1) {
      cm.data = { 'ca.crt': CLUSTER_CA_PEM };
      cluster.update(cm);
      changed = true;
    }
  }
  return changed;
}
