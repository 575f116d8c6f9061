/**
 * The mode-agnostic view kube-proxy builds before it renders rules: one entry
 * per (Service, port), with its endpoints read from every EndpointSlice that
 * carries the kubernetes.io/service-name label.
 * Mirrors k/k pkg/proxy/serviceport.go, endpoint.go and endpointslicecache.go.
 */
import type { ObjectStore } from '../model/store';
import type { EndpointSlice, Protocol, Service } from '../model/types';

export interface ProxyEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** The pod behind it, when the slice says so ("NS/NAME"). */
  podRef?: string;
}

export interface ProxyServicePort {
  namespace: string;
  name: string;
  /** The port's name, or "" for an unnamed port. */
  portName: string;
  protocol: Protocol;
  port: number;
  /** undefined for headless and ExternalName Services, which get no rules. */
  clusterIP?: string;
  nodePort?: number;
  externalIPs: string[];
  loadBalancerIPs: string[];
  loadBalancerSourceRanges: string[];
  /** ClientIP affinity timeout in seconds, or undefined without affinity. */
  affinityTimeoutSeconds?: number;
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  healthCheckNodePort?: number;
  /** Every endpoint the slices list, ready or not, sorted by "ip:port". */
  endpoints: ProxyEndpoint[];
}

/** "ns/svc:port" or "ns/svc" for an unnamed port: proxy.ServicePortName.String(). */
export function servicePortName(sp: Pick<ProxyServicePort, 'namespace' | 'name' | 'portName'>): string {
  return sp.portName ? `${sp.namespace}/${sp.name}:${sp.portName}` : `${sp.namespace}/${sp.name}`;
}

export function endpointString(ep: Pick<ProxyEndpoint, 'ip' | 'port'>): string {
  return `${ep.ip}:${ep.port}`;
}

function externallyReachable(svc: Service): boolean {
  return svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer' || (svc.spec.externalIPs?.length ?? 0) > 0;
}

/** Builds the proxy's service-port table from the API objects. */
export function buildServicePorts(store: ObjectStore): ProxyServicePort[] {
  const slicesByService = new Map<string, ReturnType<ObjectStore['list']>>();
  for (const slice of store.list('EndpointSlice')) {
    const svcName = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!svcName) continue;
    const key = `${slice.metadata.namespace}/${svcName}`;
    const list = slicesByService.get(key) ?? [];
    list.push(slice);
    slicesByService.set(key, list);
  }
  const out: ProxyServicePort[] = [];
  for (const svc of store.list('Service')) {
    if (svc.spec.type === 'ExternalName') continue;
    const clusterIP = svc.spec.clusterIP && svc.spec.clusterIP !== 'None' ? svc.spec.clusterIP : undefined;
    const ns = svc.metadata.namespace!;
    const slices = (slicesByService.get(`${ns}/${svc.metadata.name}`) ?? []) as EndpointSlice[];
    for (const port of svc.spec.ports) {
      const portName = port.name ?? '';
      const endpoints: ProxyEndpoint[] = [];
      const seen = new Set<string>();
      for (const slice of slices) {
        const slicePort = (slice.ports ?? []).find((p) => (p.name ?? '') === portName && p.protocol === port.protocol);
        if (!slicePort) continue;
        for (const ep of slice.endpoints) {
          const ip = ep.addresses[0];
          if (!ip) continue;
          const key = `${ip}:${slicePort.port}`;
          if (seen.has(key)) continue;
          seen.add(key);
          endpoints.push({
            ip,
            port: slicePort.port,
            nodeName: ep.nodeName,
            ready: ep.conditions.ready,
            serving: ep.conditions.serving ?? true,
            terminating: ep.conditions.terminating ?? false,
            podRef: ep.targetRef ? `${ep.targetRef.namespace}/${ep.targetRef.name}` : undefined,
          });
        }
      }
      endpoints.sort((a, b) => compareStrings(endpointString(a), endpointString(b)));
      const external = externallyReachable(svc);
      out.push({
        namespace: ns,
        name: svc.metadata.name,
        portName,
        protocol: port.protocol,
        port: port.port,
        clusterIP,
        nodePort: port.nodePort,
        externalIPs: svc.spec.externalIPs ?? [],
        loadBalancerIPs: (svc.status.loadBalancer.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : [])),
        loadBalancerSourceRanges: svc.spec.loadBalancerSourceRanges ?? [],
        affinityTimeoutSeconds:
          svc.spec.sessionAffinity === 'ClientIP' ? (svc.spec.sessionAffinityConfig?.clientIP.timeoutSeconds ?? 10800) : undefined,
        externalPolicyLocal: external && svc.spec.externalTrafficPolicy === 'Local',
        internalPolicyLocal: svc.spec.internalTrafficPolicy === 'Local',
        healthCheckNodePort: svc.spec.healthCheckNodePort,
        endpoints,
      });
    }
  }
  return out;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
