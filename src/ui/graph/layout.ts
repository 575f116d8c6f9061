/**
 * The canvas layout as a pure function of the snapshot: the same snapshot
 * always gives the same picture, so edits move only what changed.
 * Node groups sit in a row (control-plane first, then workers by name), pods
 * in a grid inside their node, Services in a row below every node (a
 * ClusterIP belongs to no machine), the workstation outside the cluster.
 */
import type { Edge } from '@xyflow/react';
import type { ClusterSnapshot, ElementId, NodeView, PodView, ServiceView } from '../../sim/view/snapshot';
import { flowNode, labelOf, type AppNode, type Box } from './flow-nodes';

const POD = { w: 236, h: 56 };
const GAP = 10;
const PAD = 14;
const HEADER = 60;
const PROXY = { w: 196, h: 30 };
const NODE_GAP = 28;
const MIN_ROWS = 3;
const SVC = { w: 320, h: 78, gap: 36, top: 84 };
const WORKSTATION = { w: 190, h: 64 };

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

const byNsName = (a: { namespace: string; name: string }, b: { namespace: string; name: string }): number =>
  a.namespace === b.namespace ? compare(a.name, b.name) : compare(a.namespace, b.namespace);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sortNodes(nodes: NodeView[]): NodeView[] {
  return [...nodes].sort((a, b) => (a.role === b.role ? compare(a.name, b.name) : a.role === 'control-plane' ? -1 : 1));
}

export function layout(snapshot: ClusterSnapshot): GraphLayout {
  const out: GraphLayout = { nodes: [], edges: [], anchors: {} };
  const place = (node: AppNode, abs: Box): void => {
    out.nodes.push(node);
    out.anchors[node.id] = { x: abs.x + abs.w / 2, y: abs.y + abs.h / 2 };
  };
  const pods = snapshot.pods.filter(isShownPod).sort(byNsName);
  const nodes = sortNodes(snapshot.nodes);
  // Hops name "coredns" for whichever CoreDNS pod answered; the canvas shows it at the first one.
  const dnsTarget = pods.find((p) => p.isCoreDns && p.nodeName && nodes.some((n) => n.name === p.nodeName));
  const podsOn = new Map(nodes.map((n) => [n.name, pods.filter((p) => p.nodeName === n.name)]));
  const colsOf = (count: number): number => Math.max(1, Math.ceil(count / 4));
  const rows = Math.max(MIN_ROWS, ...nodes.map((n) => Math.ceil((podsOn.get(n.name)?.length ?? 0) / colsOf(podsOn.get(n.name)?.length ?? 0))));
  const nodeH = HEADER + rows * (POD.h + GAP) + PROXY.h + PAD;

  let x = 0;
  for (const n of nodes) {
    const mine = podsOn.get(n.name) ?? [];
    const cols = colsOf(mine.length);
    const w = PAD * 2 + cols * POD.w + (cols - 1) * GAP;
    const group = { x, y: 0, w, h: nodeH };
    place(flowNode('k8sNode', `node:${n.name}`, group, { node: n, podCount: mine.length }), group);
    mine.forEach((pod, i) => {
      const rel = { x: PAD + (i % cols) * (POD.w + GAP), y: HEADER + Math.floor(i / cols) * (POD.h + GAP), w: POD.w, h: POD.h };
      const id = `pod:${pod.namespace}/${pod.name}`;
      place(flowNode('pod', id, rel, { pod, dnsTarget: pod === dnsTarget }, `node:${n.name}`), { ...rel, x: x + rel.x, y: rel.y });
    });
    const proxy = { x: PAD, y: nodeH - PAD - PROXY.h, w: PROXY.w, h: PROXY.h };
    const proxyData = { nodeName: n.name, ruleCount: n.proxyRuleCount, mode: snapshot.proxyMode };
    place(flowNode('kubeProxy', `kube-proxy:${n.name}`, proxy, proxyData, `node:${n.name}`), { ...proxy, x: x + proxy.x });
    x += w + NODE_GAP;
  }
  const rowWidth = Math.max(0, x - NODE_GAP);

  const services = snapshot.services.filter(isShownService).sort(byNsName);
  const orphans = pods.filter((p) => !p.nodeName || !podsOn.has(p.nodeName));
  const rowY = nodeH + SVC.top;
  const ws = { x: 0, y: rowY + (SVC.h - WORKSTATION.h) / 2, w: WORKSTATION.w, h: WORKSTATION.h };
  place(flowNode('workstation', 'workstation', ws, {}), ws);
  const total = services.length * (SVC.w + SVC.gap) - SVC.gap;
  let sx = Math.max(ws.w + SVC.gap * 2, (rowWidth - total) / 2);
  for (const svc of services) {
    const box = { x: sx, y: rowY, w: SVC.w, h: SVC.h };
    place(flowNode('service', `svc:${svc.namespace}/${svc.name}`, box, { svc }), box);
    sx += SVC.w + SVC.gap;
  }
  orphans.forEach((pod, i) => {
    const box = { x: sx + i * (POD.w + GAP), y: rowY, w: POD.w, h: POD.h };
    place(flowNode('pod', `pod:${pod.namespace}/${pod.name}`, box, { pod, dnsTarget: false }), box);
  });

  const shown = new Set(out.nodes.map((n) => n.id));
  for (const svc of services) {
    const source = `svc:${svc.namespace}/${svc.name}`;
    const seen = new Set<string>();
    for (const ep of svc.endpoints) {
      const target = ep.podName ? `pod:${svc.namespace}/${ep.podName}` : '';
      if (!shown.has(target) || seen.has(target)) continue;
      seen.add(target);
      out.edges.push({
        id: `ep:${source}->${target}`,
        source,
        target,
        className: ep.ready ? 'endpoint-edge' : 'endpoint-edge not-ready',
        ariaLabel: `endpoint ${ep.podName} ${ep.ip}:${ep.port} of ${svc.name}`,
        selectable: false,
        focusable: false,
      });
    }
  }
  const dnsAnchor = dnsTarget && out.anchors[`pod:${dnsTarget.namespace}/${dnsTarget.name}`];
  if (dnsAnchor) out.anchors.coredns = dnsAnchor;
  return out;
}

/** The accessible names of everything on the canvas, for lists and tests. */
export function labels(l: GraphLayout): string[] {
  return l.nodes.map(labelOf);
}
