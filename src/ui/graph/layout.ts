/**
 * The canvas layout as a pure function of the snapshot: the same snapshot
 * always gives the same picture, and edits move only what changed.
 * Node groups sit in a row (control-plane first, then workers by name), all
 * of one fixed height; pods fill a column of four inside their node in the
 * order their IPs were handed out, so a new pod lands after the others and
 * nothing else moves. Services sit in a row below every node (a ClusterIP
 * belongs to no machine); below them, everything outside the cluster.
 */
import type { Edge } from '@xyflow/react';
import type { ClusterSnapshot, ElementId, NodeView, PodView, ServiceView } from '../../sim/view/snapshot';
import { flowNode, labelOf, POD, type AppNode, type Place } from './flow-nodes';
import { edgesFor } from './layout-edges';
import { placeBelowNodes } from './layout-outside';

const GAP = 10;
const PAD = 14;
const HEADER = 60;
const PROXY = { w: 150, h: 30 };
const PORT = { w: 74, h: 22 };
const NODE_GAP = 28;
/** Pods per column: a node grows sideways, never downwards, so the rows below never move. */
export const ROWS = 4;
const NODE_H = HEADER + ROWS * (POD.h + GAP) + PROXY.h + PAD;

export interface GraphLayout {
  nodes: AppNode[];
  edges: Edge[];
  /** Absolute centre of every element a hop can name, "coredns" included. */
  anchors: Record<ElementId, { x: number; y: number }>;
}

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

/** Pods worth drawing: the learner's own, and CoreDNS (the DNS hops land there). */
export function isShownPod(pod: PodView): boolean {
  return pod.isCoreDns || !SYSTEM_NAMESPACES.has(pod.namespace);
}

/** Services worth drawing: the learner's own (not kube-dns, not default/kubernetes). */
export function isShownService(svc: ServiceView): boolean {
  return !SYSTEM_NAMESPACES.has(svc.namespace) && !(svc.namespace === 'default' && svc.name === 'kubernetes');
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const byNsName = (a: { namespace: string; name: string }, b: { namespace: string; name: string }): number =>
  a.namespace === b.namespace ? compare(a.name, b.name) : compare(a.namespace, b.namespace);

const ipNumber = (ip: string | null): number =>
  ip ? ip.split('.').reduce((n, part) => n * 256 + Number(part), 0) : Number.MAX_SAFE_INTEGER;

/** Pods in the order the node's IPAM handed out their addresses (it does not reuse one until it wraps); pods without an IP last. */
export function byIpThenName(a: PodView, b: PodView): number {
  return ipNumber(a.ip) - ipNumber(b.ip) || byNsName(a, b);
}

export function sortNodes(nodes: NodeView[]): NodeView[] {
  return [...nodes].sort((a, b) => (a.role === b.role ? compare(a.name, b.name) : a.role === 'control-plane' ? -1 : 1));
}

/** Every distinct nodePort of the drawn Services, by port number. */
function nodePorts(services: ServiceView[]): { nodePort: number; service: string }[] {
  const seen = new Map<number, string>();
  for (const svc of services) for (const p of svc.ports) if (p.nodePort && !seen.has(p.nodePort)) seen.set(p.nodePort, svc.name);
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([nodePort, service]) => ({ nodePort, service }));
}

export function layout(snapshot: ClusterSnapshot): GraphLayout {
  const out: GraphLayout = { nodes: [], edges: [], anchors: {} };
  const place: Place = (node, abs) => {
    out.nodes.push(node);
    out.anchors[node.id] = { x: abs.x + abs.w / 2, y: abs.y + abs.h / 2 };
  };
  const pods = snapshot.pods.filter(isShownPod).sort(byIpThenName);
  const nodes = sortNodes(snapshot.nodes);
  const services = snapshot.services.filter(isShownService).sort(byNsName);
  const ports = nodePorts(services);
  // Hops name "coredns" for whichever CoreDNS pod answered; the canvas shows it at the first one.
  const dnsTarget = [...pods].sort(byNsName).find((p) => p.isCoreDns && p.nodeName && nodes.some((n) => n.name === p.nodeName));
  const podsOn = new Map(nodes.map((n) => [n.name, pods.filter((p) => p.nodeName === n.name)]));

  let x = 0;
  for (const n of nodes) {
    const mine = podsOn.get(n.name) ?? [];
    const cols = Math.max(1, Math.ceil(mine.length / ROWS));
    const w = PAD * 2 + cols * POD.w + (cols - 1) * GAP;
    const parent = `node:${n.name}`;
    const group = { x, y: 0, w, h: NODE_H };
    place(flowNode('k8sNode', parent, group, { node: n, podCount: mine.length }), group);
    mine.forEach((pod, i) => {
      const rel = { x: PAD + Math.floor(i / ROWS) * (POD.w + GAP), y: HEADER + (i % ROWS) * (POD.h + GAP), w: POD.w, h: POD.h };
      const id = `pod:${pod.namespace}/${pod.name}`;
      place(flowNode('pod', id, rel, { pod, dnsTarget: pod === dnsTarget }, parent), { ...rel, x: x + rel.x });
    });
    const proxy = { x: PAD, y: NODE_H - PAD - PROXY.h, w: PROXY.w, h: PROXY.h };
    const proxyData = { nodeName: n.name, ruleCount: n.proxyRuleCount, mode: snapshot.proxyMode };
    place(flowNode('kubeProxy', `kube-proxy:${n.name}`, proxy, proxyData, parent), { ...proxy, x: x + proxy.x });
    // Node ports straddle the node's bottom edge, beside kube-proxy: the door a packet from outside comes in by.
    ports.forEach((p, i) => {
      const rel = { x: PAD + PROXY.w + 8 + i * (PORT.w + 6), y: NODE_H - PORT.h / 2, w: PORT.w, h: PORT.h };
      place(flowNode('nodePort', `nodeport:${n.name}:${p.nodePort}`, rel, { nodeName: n.name, ...p }, parent, false), { ...rel, x: x + rel.x });
    });
    x += w + NODE_GAP;
  }

  const orphans = pods.filter((p) => !p.nodeName || !podsOn.has(p.nodeName));
  placeBelowNodes(place, { top: NODE_H, rowWidth: Math.max(0, x - NODE_GAP), services, orphans });
  out.edges = edgesFor(services, new Set(out.nodes.map((n) => n.id)));
  const dnsAnchor = dnsTarget && out.anchors[`pod:${dnsTarget.namespace}/${dnsTarget.name}`];
  if (dnsAnchor) out.anchors.coredns = dnsAnchor;
  return out;
}

/** The accessible names of everything on the canvas, for lists and tests. */
export function labels(l: GraphLayout): string[] {
  return l.nodes.map(labelOf);
}
