/**
 * Where a connection first meets a node's netfilter. A pod's packets enter its own node;
 * the workstation reaches a node's InternalIP over kind's docker network directly, or a
 * LoadBalancer IP through the external load balancer, which spreads connections over the
 * nodes its health checks find healthy:
 * - externalTrafficPolicy Local: the Service's healthCheckNodePort, served by kube-proxy
 *   (pkg/proxy/healthcheck/service_health.go), answers 200 on nodes with a local ready
 *   endpoint and 503 elsewhere, so the balancer skips nodes that would drop the traffic;
 * - Cluster: every node's kube-proxy /healthz on :10256 is healthy (KEP-3836).
 * Nodes labelled node.kubernetes.io/exclude-from-external-load-balancers (kind's
 * control plane) are never targets. With no healthy node the balancer fails open to all
 * targets (as GCP's and AWS's network load balancers do).
 */
import type { Service } from '../model/types';
import type { Simulation } from '../simulation';
import { cidrContains, parseCidr, parseIPv4 } from './ip';
import type { RequestIndex } from './request-index';

export type Entry =
  | { kind: 'node'; node: string; hook: 'PREROUTING' | 'OUTPUT' }
  | { kind: 'lb'; node: string; hook: 'PREROUTING'; service: Service; checks: string[] }
  | { kind: 'external' }
  | { kind: 'no-route'; reason: 'arp' | 'unrouted' };

const KIND_NETWORK = parseCidr('172.18.0.0/16')!;
const EXCLUDE_LB = 'node.kubernetes.io/exclude-from-external-load-balancers';

/** An address on kind's docker network that no container holds (ARP goes unanswered). */
export function unheldOnKindNetwork(idx: RequestIndex, ip: string): boolean {
  const addr = parseIPv4(ip);
  return addr !== undefined && cidrContains(KIND_NETWORK, addr) && ip !== '172.18.0.1' && !idx.topo.nodeByIP.has(ip);
}

/** The workstation's way to `ip`. */
export function workstationEntry(sim: Simulation, idx: RequestIndex, ip: string, isExternal: boolean): Entry {
  const node = idx.topo.nodeByIP.get(ip);
  if (node) return { kind: 'node', node: node.metadata.name, hook: 'PREROUTING' };
  const svc = idx.byLoadBalancerIP(ip);
  if (svc) return lbEntry(sim, idx, svc);
  if (isExternal) return { kind: 'external' };
  if (unheldOnKindNetwork(idx, ip)) return { kind: 'no-route', reason: 'arp' };
  return { kind: 'no-route', reason: 'unrouted' };
}

function lbEntry(sim: Simulation, idx: RequestIndex, svc: Service): Entry {
  const { targets, healthy, checks } = idx.memo(['lb', svc], () => healthChecks(sim, idx, svc));
  const pool = healthy.length ? healthy : targets;
  const node = pool[sim.cluster.trafficRng.int(pool.length)]!;
  return { kind: 'lb', node, hook: 'PREROUTING', service: svc, checks };
}

/** Which nodes answer the balancer's health check, and the check lines to show. */
function healthChecks(sim: Simulation, idx: RequestIndex, svc: Service): { targets: string[]; healthy: string[]; checks: string[] } {
  const targets = idx.topo.nodeNames.filter((n) => idx.topo.node(n)!.metadata.labels?.[EXCLUDE_LB] === undefined);
  const local = svc.spec.externalTrafficPolicy === 'Local' && svc.spec.healthCheckNodePort !== undefined;
  if (!local) return { targets, healthy: targets, checks: targets.map((n) => `GET http://${idx.topo.nodeIP(n)}:10256/healthz → 200 (kube-proxy on ${n} is healthy)`) };
  const counts = localEndpointCounts(sim, svc);
  const healthy = targets.filter((n) => (counts.get(n) ?? 0) > 0);
  const checks = targets.map((n) => {
    const c = counts.get(n) ?? 0;
    return `GET http://${idx.topo.nodeIP(n)}:${svc.spec.healthCheckNodePort}/ → ${c > 0 ? 200 : 503} {"service":{"namespace":"${svc.metadata.namespace}","name":"${svc.metadata.name}"},"localEndpoints":${c},"serviceProxyHealthy":true}`;
  });
  return { targets, healthy, checks };
}

/** Ready endpoints per node, from the Service's EndpointSlices (what kube-proxy's health server counts). */
function localEndpointCounts(sim: Simulation, svc: Service): Map<string, number> {
  const counts = new Map<string, number>();
  for (const slice of sim.cluster.store.list('EndpointSlice', svc.metadata.namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    for (const ep of slice.endpoints) if (ep.conditions.ready && ep.nodeName) counts.set(ep.nodeName, (counts.get(ep.nodeName) ?? 0) + 1);
  }
  return counts;
}
