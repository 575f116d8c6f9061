/**
 * Below the nodes: the Services in a row (left-aligned, so a new Service
 * never shifts the ones before it), pods no node holds yet, and a frame for
 * everything outside the cluster: the workstation, one load balancer per
 * LoadBalancer Service, and the hosts ExternalName Services point at.
 */
import type { PodView, ServiceView } from '../../sim/view/snapshot';
import { flowNode, POD, type Place } from './flow-nodes';

const SVC = { w: 320, h: 78, gap: 28, top: 84 };
const ITEM = { w: 210, h: 64, gap: 24 };
const FRAME = { top: 70, header: 34, pad: 16 };

interface Below {
  top: number;
  rowWidth: number;
  services: ServiceView[];
  orphans: PodView[];
}

export function placeBelowNodes(place: Place, { top, rowWidth, services, orphans }: Below): void {
  const rowY = top + SVC.top;
  let sx = 0;
  for (const svc of services) {
    const box = { x: sx, y: rowY, w: SVC.w, h: SVC.h };
    place(flowNode('service', `svc:${svc.namespace}/${svc.name}`, box, { svc }), box);
    sx += SVC.w + SVC.gap;
  }
  orphans.forEach((pod, i) => {
    const box = { x: sx + i * (POD.w + 10), y: rowY, w: POD.w, h: POD.h };
    place(flowNode('pod', `pod:${pod.namespace}/${pod.name}`, box, { pod, dnsTarget: false }), box);
  });

  const lbs = services.filter((s) => s.type === 'LoadBalancer');
  const hosts = new Map<string, string[]>();
  for (const s of services) if (s.type === 'ExternalName' && s.externalName) hosts.set(s.externalName, [...(hosts.get(s.externalName) ?? []), s.name]);
  const count = 1 + lbs.length + hosts.size;
  const inner = count * ITEM.w + (count - 1) * ITEM.gap;
  const frame = { x: 0, y: rowY + SVC.h + FRAME.top, w: Math.max(rowWidth, inner + FRAME.pad * 2), h: FRAME.header + ITEM.h + FRAME.pad };
  place(flowNode('outside', 'outside', frame, {}), frame);
  let ix = FRAME.pad;
  const item = (): { rel: { x: number; y: number; w: number; h: number }; abs: { x: number; y: number; w: number; h: number } } => {
    const rel = { x: ix, y: FRAME.header, w: ITEM.w, h: ITEM.h };
    ix += ITEM.w + ITEM.gap;
    return { rel, abs: { ...rel, x: frame.x + rel.x, y: frame.y + rel.y } };
  };
  const ws = item();
  place(flowNode('workstation', 'workstation', ws.rel, {}, 'outside'), ws.abs);
  for (const svc of lbs) {
    const { rel, abs } = item();
    place(flowNode('loadBalancer', `lb:${svc.namespace}/${svc.name}`, rel, { svc }, 'outside'), abs);
  }
  for (const [host, names] of [...hosts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const { rel, abs } = item();
    place(flowNode('externalHost', `external:${host}`, rel, { host, services: names }, 'outside'), abs);
  }
}
