/** Builds the UI's plain-data view of the cluster. */
import type { Simulation } from '../simulation';
import type { EndpointSlice, Pod } from '../model/types';
import { nodeInternalIP } from '../net/topology';
import type { ClusterSnapshot, EndpointView, PodView, ServiceView, SourceRange } from './snapshot';

/** Where each object applied from the editor is written: "Kind/ns/name" -> lines. */
export type SourceMap = Map<string, SourceRange>;

export const sourceKey = (kind: string, ns: string | undefined, name: string): string => `${kind}/${ns ?? ''}/${name}`;

/** The key of the object the pod is written as in the YAML: the Pod itself, its StatefulSet, or its Deployment. */
function podSourceKey(sim: Simulation, pod: Pod, sources: SourceMap): string | undefined {
  const own = sourceKey('Pod', pod.metadata.namespace, pod.metadata.name);
  if (sources.has(own)) return own;
  const stsRef = pod.metadata.ownerReferences?.find((r) => r.kind === 'StatefulSet' && r.controller);
  if (stsRef) return sourceKey('StatefulSet', pod.metadata.namespace, stsRef.name);
  const rsRef = pod.metadata.ownerReferences?.find((r) => r.kind === 'ReplicaSet');
  const rs = rsRef ? sim.cluster.store.get('ReplicaSet', pod.metadata.namespace, rsRef.name) : undefined;
  const dRef = rs?.metadata.ownerReferences?.find((r) => r.kind === 'Deployment');
  return dRef ? sourceKey('Deployment', pod.metadata.namespace, dRef.name) : undefined;
}

function podView(sim: Simulation, pod: Pod, sources: SourceMap): PodView {
  const c = pod.spec.containers[0];
  const key = podSourceKey(sim, pod, sources);
  const source = key ? sources.get(key) : undefined;
  const labelsSource = key ? sources.get(`${key}#labels`) : undefined;
  return {
    namespace: pod.metadata.namespace!,
    name: pod.metadata.name,
    ip: pod.status.podIP ?? null,
    nodeName: pod.spec.nodeName ?? null,
    phase: pod.status.phase,
    ready: pod.status.ready,
    terminating: pod.metadata.deletionTimestamp !== undefined,
    labels: { ...(pod.metadata.labels ?? {}) },
    image: c?.image ?? '',
    ports: pod.spec.containers.flatMap((x) => x.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), containerPort: p.containerPort, protocol: p.protocol })),
    isCoreDns: pod.metadata.namespace === 'kube-system' && pod.metadata.labels?.['k8s-app'] === 'kube-dns',
    ...(source ? { source } : {}),
    ...(labelsSource ? { labelsSource } : {}),
  };
}

/** A Service's endpoints, cut to `limit` with the counts of all of them kept. */
function endpointsOf(all: EndpointView[], limit: number): Pick<ServiceView, 'endpoints' | 'endpointTotals'> {
  if (all.length <= limit) return { endpoints: all };
  const ready = all.filter((e) => e.ready).length;
  const terminating = all.filter((e) => e.terminating).length;
  return { endpoints: all.slice(0, limit), endpointTotals: { ready, terminating, notReady: all.length - ready - terminating } };
}

function endpointViews(slices: EndpointSlice[]): EndpointView[] {
  const out: EndpointView[] = [];
  for (const s of slices) {
    for (const ep of s.endpoints) {
      for (const port of s.ports ?? []) {
        out.push({
          ip: ep.addresses[0]!,
          port: port.port,
          ...(port.name ? { portName: port.name } : {}),
          ...(ep.targetRef ? { podName: ep.targetRef.name } : {}),
          ...(ep.nodeName ? { nodeName: ep.nodeName } : {}),
          ready: ep.conditions.ready,
          serving: ep.conditions.serving ?? true,
          terminating: ep.conditions.terminating ?? false,
        });
      }
    }
  }
  return out;
}

/** What a snapshot may hold: a canvas cannot show ten thousand pods, and a 4 MB message a keystroke freezes the page. */
export interface SnapshotLimits {
  podsPerNode: number;
  endpointsPerService: number;
}
/** The cluster's own namespaces (the UI's layout keeps its own copy: it imports only types from the core). */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);
export const SNAPSHOT_LIMITS: SnapshotLimits = { podsPerNode: 24, endpointsPerService: 120 };

/**
 * The pods a snapshot carries: on each node (and among pods on no node) at most
 * `podsPerNode` of the learner's pods, the ones a learner names first (pods no
 * controller owns, and `keep`: those of the request shown), then the rest in store
 * order. The cluster's own pods (CoreDNS among them) are always sent.
 */
function shownPods(pods: Pod[], limit: number, keep: ReadonlySet<string>): { shown: Pod[]; notShown: Map<string, number> } {
  const byNode = new Map<string, Pod[]>();
  const chosen = new Set<Pod>();
  for (const p of pods) {
    // The cluster's own pods are few and always sent; the limit is for the learner's.
    if (SYSTEM_NAMESPACES.has(p.metadata.namespace ?? '')) {
      chosen.add(p);
      continue;
    }
    const key = p.spec.nodeName ?? '';
    let list = byNode.get(key);
    if (!list) byNode.set(key, (list = []));
    list.push(p);
  }
  const notShown = new Map<string, number>();
  const first = (p: Pod) => keep.has(`${p.metadata.namespace}/${p.metadata.name}`) || !p.metadata.ownerReferences?.length;
  for (const [node, list] of byNode) {
    if (list.length <= limit) {
      list.forEach((p) => chosen.add(p));
      continue;
    }
    const ordered = [...list.filter(first), ...list.filter((p) => !first(p))];
    ordered.slice(0, limit).forEach((p) => chosen.add(p));
    notShown.set(node, list.length - Math.min(limit, ordered.length));
  }
  return { shown: pods.filter((p) => chosen.has(p)), notShown };
}

export function buildSnapshot(sim: Simulation, sources: SourceMap, limits: SnapshotLimits = SNAPSHOT_LIMITS, keep: ReadonlySet<string> = new Set()): ClusterSnapshot {
  const { store } = sim.cluster;
  const slicesBySvc = new Map<string, EndpointSlice[]>();
  for (const s of store.list('EndpointSlice')) {
    const key = `${s.metadata.namespace}/${s.metadata.labels?.['kubernetes.io/service-name']}`;
    slicesBySvc.set(key, [...(slicesBySvc.get(key) ?? []), s]);
  }
  const services: ServiceView[] = store.list('Service').map((svc) => {
    const key = sourceKey('Service', svc.metadata.namespace, svc.metadata.name);
    const source = sources.get(key);
    const selectorSource = sources.get(`${key}#selector`);
    return {
      namespace: svc.metadata.namespace!,
      name: svc.metadata.name,
      type: svc.spec.type,
      clusterIP: svc.spec.clusterIP ?? null,
      ...(svc.spec.externalName ? { externalName: svc.spec.externalName } : {}),
      externalIPs: svc.spec.externalIPs ?? [],
      loadBalancerIPs: (svc.status.loadBalancer.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : [])),
      selector: svc.spec.selector ? { ...svc.spec.selector } : null,
      ports: svc.spec.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, targetPort: p.targetPort, ...(p.nodePort ? { nodePort: p.nodePort } : {}), protocol: p.protocol })),
      ...endpointsOf(endpointViews(slicesBySvc.get(`${svc.metadata.namespace}/${svc.metadata.name}`) ?? []), limits.endpointsPerService),
      sessionAffinity: svc.spec.sessionAffinity,
      ...(source ? { source } : {}),
      ...(selectorSource ? { selectorSource } : {}),
    };
  });
  const { shown, notShown } = shownPods(store.list('Pod'), limits.podsPerNode, keep);
  const hidden = [...notShown.values()].reduce((a, b) => a + b, 0);
  return {
    version: sim.cluster.version,
    clusterName: sim.config.name,
    podSubnet: sim.config.podSubnet.text,
    serviceSubnet: sim.config.serviceSubnet.text,
    proxyMode: sim.config.proxyMode,
    dnsIP: sim.dnsIP,
    clusterDomain: sim.config.clusterDomain,
    time: sim.cluster.clock.now(),
    nodes: store.list('Node').map((n) => ({
      name: n.metadata.name,
      role: n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined ? 'control-plane' : 'worker',
      ip: nodeInternalIP(n),
      podCIDR: n.spec.podCIDR,
      proxyRuleCount: 0,
      ...(notShown.get(n.metadata.name) ? { podsNotShown: notShown.get(n.metadata.name)! } : {}),
    })),
    pods: shown.map((p) => podView(sim, p, sources)),
    services,
    ...(hidden ? { podsNotShown: hidden } : {}),
  };
}
