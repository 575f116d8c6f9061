/**
 * The floor under settle-5000-pods-1000-services-ms: the time to merely allocate and
 * file the objects a settled 5,000-pod, 1,000-service cluster holds (Deployments,
 * ReplicaSets, Pods, Services, Endpoints, EndpointSlices, with their uids and names),
 * with no validation, no controllers and no rules. Settling can only come near it.
 */
import { IdSource } from '../src/sim/ids';
import { KUBE_NAME_ALPHABET, createRng } from '../src/sim/rng';

export function buildObjectFloor(services: number, podsPerService: number): Map<string, unknown> {
  const ids = new IdSource(1);
  const rng = createRng(1);
  const store = new Map<string, unknown>();
  const file = (kind: string, obj: { metadata: { name: string; namespace: string }; [field: string]: unknown }) => store.set(`${kind}/${obj.metadata.namespace}/${obj.metadata.name}`, obj);
  const meta = (name: string, extra: object = {}) => ({ name, namespace: 'default', uid: ids.uid(), resourceVersion: ids.resourceVersion(), creationTimestamp: 0, ...extra });
  const spec = { containers: [{ name: 'app', image: 'registry.k8s.io/e2e-test-images/agnhost:2.47', args: ['serve-hostname'] }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', enableServiceLinks: true };
  for (let s = 0; s < services; s++) {
    const app = `app-${s}`;
    const labels = { app, 'pod-template-hash': '5d4b9c7f8' };
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(app), spec: { replicas: podsPerService, template: { metadata: { labels }, spec } }, status: { replicas: podsPerService } };
    file('Deployment', deployment);
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta(`${app}-5d4b9c7f8`, { labels, ownerReferences: [{ kind: 'Deployment', name: app, uid: deployment.metadata.uid, controller: true }] }), spec: { replicas: podsPerService }, status: { replicas: podsPerService } };
    file('ReplicaSet', rs);
    file('Service', { apiVersion: 'v1', kind: 'Service', metadata: meta(app), spec: { selector: { app }, clusterIP: `10.96.${s >> 8}.${s & 255}`, ports: [{ port: 80, targetPort: 9376, protocol: 'TCP' }] } });
    const addresses = [];
    const endpoints = [];
    for (let p = 0; p < podsPerService; p++) {
      const pod = {
        apiVersion: 'v1', kind: 'Pod',
        metadata: meta(`${rs.metadata.name}-${rng.string(5, KUBE_NAME_ALPHABET)}`, { labels: { ...labels }, ownerReferences: [{ kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true }] }),
        spec: { ...spec, nodeName: `kind-worker${p}` },
        status: { phase: 'Running', ready: true, podIP: `10.244.${p}.${(s % 250) + 2}`, hostIP: `172.18.0.${p + 2}`, startTime: 0 },
      };
      file('Pod', pod);
      const targetRef = { kind: 'Pod', name: pod.metadata.name, namespace: 'default', uid: pod.metadata.uid };
      addresses.push({ ip: pod.status.podIP, nodeName: pod.spec.nodeName, targetRef });
      endpoints.push({ addresses: [pod.status.podIP], conditions: { ready: true, serving: true, terminating: false }, nodeName: pod.spec.nodeName, targetRef: { ...targetRef } });
    }
    file('Endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: meta(app), subsets: [{ addresses, ports: [{ port: 9376, protocol: 'TCP' }] }] });
    file('EndpointSlice', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta(`${app}-${rng.string(5, KUBE_NAME_ALPHABET)}`), endpoints, ports: [{ name: '', port: 9376, protocol: 'TCP' }] });
  }
  return store;
}
