/**
 * Which endpoints a node's kube-proxy programs for a service port.
 * Mirrors k/k pkg/proxy/topology.go CategorizeEndpoints and the traffic-policy helpers of
 * pkg/proxy/serviceport.go (UsesClusterEndpoints, UsesLocalEndpoints, ExternallyAccessible).
 * Departure: topology hints (PreferSameZone/PreferSameNode) are not modelled, so the
 * topology mode is always "" (every ready endpoint is a cluster endpoint).
 */
import { endpointString, type ProxyEndpoint, type ProxyServicePort } from './service-port';

type PolicyView = Pick<
  ProxyServicePort,
  'nodePort' | 'externalIPs' | 'loadBalancerIPs' | 'internalPolicyLocal' | 'externalPolicyLocal'
>;

/** NodePort, external IPs or LB ingress IPs: BaseServicePortInfo.ExternallyAccessible. */
export function externallyAccessible(sp: PolicyView): boolean {
  return (sp.nodePort ?? 0) !== 0 || sp.externalIPs.length > 0 || sp.loadBalancerIPs.length > 0;
}

/** Cluster endpoints are needed for internal Cluster policy or any external traffic. */
export function usesClusterEndpoints(sp: PolicyView): boolean {
  return !sp.internalPolicyLocal || externallyAccessible(sp);
}

export function usesLocalEndpoints(sp: PolicyView): boolean {
  return sp.internalPolicyLocal || (sp.externalPolicyLocal && externallyAccessible(sp));
}

export interface CategorizedEndpoints {
  /** Usable endpoints for Cluster policy; empty when the service never uses it. */
  clusterEndpoints: ProxyEndpoint[];
  /** Usable endpoints on this node for Local policy; empty when unused or none. */
  localEndpoints: ProxyEndpoint[];
  /** Union of the two, sorted by "ip:port": the endpoints that get a KUBE-SEP chain. */
  allReachable: ProxyEndpoint[];
  /** Whether any node has a usable endpoint. */
  hasAnyEndpoints: boolean;
}

const servingTerminating = (ep: ProxyEndpoint): boolean => ep.serving && ep.terminating;

/** Mirrors CategorizeEndpoints(endpoints, svcInfo, nodeName, nodeLabels). */
export function categorizeEndpoints(sp: ProxyServicePort & PolicyView, nodeName: string): CategorizedEndpoints {
  const isLocal = (ep: ProxyEndpoint): boolean => ep.nodeName === nodeName;
  let clusterEndpoints: ProxyEndpoint[] = [];
  let localEndpoints: ProxyEndpoint[] = [];
  let hasAnyEndpoints = false;

  const useCluster = usesClusterEndpoints(sp);
  if (useCluster) {
    clusterEndpoints = sp.endpoints.filter((ep) => ep.ready);
    if (clusterEndpoints.length === 0) clusterEndpoints = sp.endpoints.filter(servingTerminating);
    hasAnyEndpoints = clusterEndpoints.length > 0;
  }
  if (!usesLocalEndpoints(sp)) {
    return { clusterEndpoints, localEndpoints, allReachable: clusterEndpoints, hasAnyEndpoints };
  }

  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of sp.endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (isLocal(ep)) hasLocalReady = true;
    } else if (servingTerminating(ep)) {
      hasAnyEndpoints = true;
      if (isLocal(ep)) hasLocalServingTerminating = true;
    }
  }
  let useServingTerminating = false;
  if (hasLocalReady) {
    localEndpoints = sp.endpoints.filter((ep) => isLocal(ep) && ep.ready);
  } else if (hasLocalServingTerminating) {
    useServingTerminating = true;
    localEndpoints = sp.endpoints.filter((ep) => isLocal(ep) && servingTerminating(ep));
  }
  if (!useCluster) return { clusterEndpoints, localEndpoints, allReachable: localEndpoints, hasAnyEndpoints };
  if (!useServingTerminating) return { clusterEndpoints, localEndpoints, allReachable: clusterEndpoints, hasAnyEndpoints };

  // Upstream merges through a Go map (random order); sorting keeps the simulation deterministic.
  const merged = new Map<string, ProxyEndpoint>();
  for (const ep of [...clusterEndpoints, ...localEndpoints]) merged.set(endpointString(ep), ep);
  const allReachable = [...merged.values()].sort((a, b) => {
    const x = endpointString(a), y = endpointString(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return { clusterEndpoints, localEndpoints, allReachable, hasAnyEndpoints };
}
