/**
 * Above the nodes: everything outside the cluster in a frame on top (the
 * workstation, one load balancer per LoadBalancer Service, the hosts
 * ExternalName Services point at), then the Services, between the outside
 * and the pods behind them (a ClusterIP belongs to no machine). Services fill
 * rows left to right in name order, so a new one after the others moves none.
 */
import type { PodView, ServiceView } from '../../sim/view/snapshot';
import { flowNode, type Box, type Place } from './flow-nodes';
import { OUTSIDE, POD, SVC } from './layout-sizes';
import { podId } from './layout-nodes';
import { endpointsText, handMadeText, portsText, typeText } from './service-text';

export function placeOutside(place: Place, width: number, services: ServiceView[]): number {
  const lbs = services.filter((s) => s.type === 'LoadBalancer');
  const hosts = new Map<string, string[]>();
  for (const s of services) if (s.type === 'ExternalName' && s.externalName) hosts.set(s.externalName, [...(hosts.get(s.externalName) ?? []), s.name]);
  const { item, pad, header } = OUTSIDE;
  const count = 1 + lbs.length + hosts.size;
  const inner = count * item.w + (count - 1) * item.gap;
  const frame = { x: 0, y: 0, w: Math.max(width, inner + pad * 2), h: header + item.h + pad };
  place(flowNode('outside', 'outside', frame, {}), frame);
  let ix = pad;
  const next = (): { rel: Box; abs: Box } => {
    const rel = { x: ix, y: header, w: item.w, h: item.h };
    ix += item.w + item.gap;
    return { rel, abs: { ...rel, x: frame.x + rel.x, y: frame.y + rel.y } };
  };
  const ws = next();
  place(flowNode('workstation', 'workstation', ws.rel, {}, 'outside'), ws.abs);
  for (const svc of lbs) {
    const { rel, abs } = next();
    place(flowNode('loadBalancer', `lb:${svc.namespace}/${svc.name}`, rel, { svc }, 'outside'), abs);
  }
  for (const [host, names] of [...hosts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const { rel, abs } = next();
    place(flowNode('externalHost', `external:${host}`, rel, { host, services: names }, 'outside'), abs);
  }
  return frame.h;
}

/** Lines a text needs in a card of the given inner width (an upper estimate: a card may end a little tall, never cut). */
const linesOf = (text: string, charW: number): number => Math.max(1, Math.ceil((text.length * charW) / SVC.inner));

/** A Service card's height: every line wraps rather than being cut, so the card is sized from its texts. */
export function serviceHeight(svc: ServiceView): number {
  const hand = handMadeText(svc);
  const meta = [typeText(svc), portsText(svc), endpointsText(svc), ...(hand ? [hand] : [])];
  const title = linesOf(`Service ${svc.name}`, SVC.titleCharW);
  return SVC.padY * 2 + title * SVC.titleLine + meta.reduce((n, t) => n + linesOf(t, SVC.charW), 0) * SVC.line;
}

export interface ServiceRows {
  bottom: number;
  boxes: Map<string, Box>;
  /** Whether a card has another card under it (its lines leave it sideways first). */
  covered: Set<string>;
}

export function placeServices(place: Place, top: number, width: number, services: ServiceView[], orphans: PodView[]): ServiceRows {
  const perRow = Math.max(3, Math.floor((width + SVC.gap) / (SVC.w + SVC.gap)));
  const boxes = new Map<string, Box>();
  const covered = new Set<string>();
  const cards: { id: string; h: number; put(b: Box): void }[] = [
    ...services.map((svc) => {
      const id = `svc:${svc.namespace}/${svc.name}`;
      return { id, h: serviceHeight(svc), put: (b: Box) => place(flowNode('service', id, b, { svc }), b) };
    }),
    // Pods no node holds yet wait at the end of the Services' rows.
    ...orphans.map((pod) => ({ id: podId(pod), h: POD.h, put: (b: Box) => place(flowNode('pod', podId(pod), { ...b, w: POD.w }, { pod, dnsTarget: false }), { ...b, w: POD.w }) })),
  ];
  let y = top;
  for (let i = 0; i < cards.length; i += perRow) {
    const row = cards.slice(i, i + perRow);
    const rowH = Math.max(...row.map((c) => c.h));
    row.forEach((c, j) => {
      const b = { x: j * (SVC.w + SVC.gap), y, w: SVC.w, h: c.h };
      c.put(b);
      boxes.set(c.id, b);
      if (i + perRow + j < cards.length) covered.add(c.id);
    });
    y += rowH + SVC.rowGap;
  }
  return { bottom: cards.length ? y - SVC.rowGap : top, boxes, covered };
}
