/** Builds the UI's plain-data view of the cluster. */
import type { Simulation } from '../simulation';
import type { EndpointSlice, Pod } from '../model/types';
import { nodeInternalIP } from '../net/topology';
import type { ClusterSnapshot, EndpointView, PodView, ServiceView, SourceRange } from './snapshot';

/** Where each object applied from the editor is written: "Kind/ns/name" -> lines. */
export type SourceMap = Map<string, SourceRange>;

export const sourceKey = (kind: string, ns: string | undefined, name: string): string => `${kind}/${ns ?? ''}/${name}`;

/** The key of the object the pod is written as in the YAML: the Pod itself, or its Deployment. */
function podSourceKey(sim: Simulation, pod: Pod, sources: SourceMap): string | undefined {
  const own = sourceKey('Pod', pod.metadata.namespace, pod.metadata.name);
  if (sources.has(own)) return own;
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

export function buildSnapshot(sim: Simulation, sources: SourceMap): ClusterSnapshot {
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
      endpoints: endpointViews(slicesBySvc.get(`${svc.metadata.namespace}/${svc.metadata.name}`) ?? []),
      sessionAffinity: svc.spec.sessionAffinity,
      ...(source ? { source } : {}),
      ...(selectorSource ? { selectorSource } : {}),
    };
  });
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
    })),
    pods: store.list('Pod').map((p) => podView(sim, p, sources)),
    services,
  };
}
