/** The canvas's lines: a Service to each endpoint pod, a load balancer to its Service, an ExternalName to its host; each with its route. */
import type { Edge } from '@xyflow/react';
import type { ServiceView } from '../../sim/view/snapshot';
import { laneOf, roundedPath, serviceToLoose, serviceToPod, verticalLink, type Pt } from './edge-route';
import type { Box } from './flow-nodes';
import type { PodSlot } from './layout-nodes';

export type RoutedEdge = Edge<{ points: Pt[]; d: string }, 'routed'>;

export interface Routing {
  /** Every card's box in canvas coordinates. */
  boxes: Map<string, Box>;
  slots: Map<string, PodSlot>;
  /** Service cards with another card under them. */
  covered: Set<string>;
  bus: { top: number; height: number };
}

const edge = (id: string, source: string, target: string, className: string, ariaLabel: string, points: Pt[]): RoutedEdge => ({
  id, source, target, className, ariaLabel, selectable: false, focusable: false, type: 'routed', data: { points, d: roundedPath(points) },
});

export const endpointEdgeId = (svcId: string, podId: string): string => `ep:${svcId}->${podId}`;

export function edgesFor(services: ServiceView[], r: Routing): RoutedEdge[] {
  const out: RoutedEdge[] = [];
  services.forEach((svc, i) => {
    const source = `svc:${svc.namespace}/${svc.name}`;
    const box = r.boxes.get(source);
    if (!box) return;
    const lane = laneOf(r.bus.top, r.bus.height, i);
    const seen = new Set<string>();
    for (const ep of svc.endpoints) {
      const target = ep.podName ? `pod:${svc.namespace}/${ep.podName}` : '';
      const slot = r.slots.get(target);
      const loose = slot ? undefined : r.boxes.get(target);
      if ((!slot && !loose) || seen.has(target)) continue;
      seen.add(target);
      const tone = ep.ready ? 'endpoint-edge' : ep.terminating ? 'endpoint-edge not-ready is-terminating' : 'endpoint-edge not-ready';
      const points = slot ? serviceToPod(box, r.covered.has(source), lane, slot) : serviceToLoose(box, lane, loose!);
      out.push(edge(endpointEdgeId(source, target), source, target, tone, `endpoint ${ep.podName} ${ep.ip}:${ep.port} of ${svc.name}`, points));
    }
    const lb = `lb:${svc.namespace}/${svc.name}`;
    const lbBox = r.boxes.get(lb);
    if (lbBox) out.push(edge(`lb:${source}`, lb, source, 'outside-edge', `load balancer of ${svc.name}`, verticalLink(lbBox, box)));
    const host = svc.externalName ? `external:${svc.externalName}` : '';
    const hostBox = r.boxes.get(host);
    if (hostBox) out.push(edge(`cname:${source}`, source, host, 'outside-edge is-cname', `${svc.name} is a CNAME for ${svc.externalName}`, verticalLink(hostBox, box).reverse()));
  });
  return out;
}
