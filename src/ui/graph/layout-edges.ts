/** The canvas's lines: a Service to each endpoint pod, a load balancer to its Service, an ExternalName to its host. */
import type { Edge } from '@xyflow/react';
import type { ServiceView } from '../../sim/view/snapshot';

const edge = (id: string, source: string, target: string, className: string, ariaLabel: string, handles: Partial<Edge> = {}): Edge => ({
  id, source, target, className, ariaLabel, selectable: false, focusable: false, ...handles,
});

export const endpointEdgeId = (svcId: string, podId: string): string => `ep:${svcId}->${podId}`;

export function edgesFor(services: ServiceView[], shown: Set<string>): Edge[] {
  const out: Edge[] = [];
  for (const svc of services) {
    const source = `svc:${svc.namespace}/${svc.name}`;
    const seen = new Set<string>();
    for (const ep of svc.endpoints) {
      const target = ep.podName ? `pod:${svc.namespace}/${ep.podName}` : '';
      if (!shown.has(target) || seen.has(target)) continue;
      seen.add(target);
      const tone = ep.ready ? 'endpoint-edge' : ep.terminating ? 'endpoint-edge not-ready is-terminating' : 'endpoint-edge not-ready';
      out.push(edge(endpointEdgeId(source, target), source, target, tone, `endpoint ${ep.podName} ${ep.ip}:${ep.port} of ${svc.name}`));
    }
    const lb = `lb:${svc.namespace}/${svc.name}`;
    if (shown.has(lb)) out.push(edge(`lb:${source}`, lb, source, 'outside-edge', `load balancer of ${svc.name}`, { targetHandle: 'bottom' }));
    const host = svc.externalName ? `external:${svc.externalName}` : '';
    if (shown.has(host)) out.push(edge(`cname:${source}`, source, host, 'outside-edge is-cname', `${svc.name} is a CNAME for ${svc.externalName}`, { sourceHandle: 'bottom' }));
  }
  return out;
}
