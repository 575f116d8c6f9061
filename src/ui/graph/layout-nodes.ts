/**
 * The nodes (machines) in a row under the Services, control-plane first.
 * Each node: its name and address, kube-proxy's chip and the node ports under
 * them, then its pods row by row in the order their IPs were handed out. The
 * column count is one for the whole row, so a new pod lands after the others
 * and the node only grows downwards: nothing else moves.
 */
import type { NodeView, PodView, ProxyMode } from '../../sim/view/snapshot';
import { flowNode, type Box, type Place } from './flow-nodes';
import { CHIP, GAP, NODE_GAP, NODE_TITLE, PAD, POD, PORT } from './layout-sizes';

/** Where an endpoint line may run to reach a pod without crossing a card. */
export interface PodSlot {
  /** The pod's box in canvas coordinates. */
  box: Box;
  /** The node's left gutter, the lane under its header, and the gutter left of the pod's column. */
  entryX: number;
  laneY: number;
  gutterX: number;
}

export interface NodeRow {
  width: number;
  height: number;
  slots: Map<string, PodSlot>;
}

interface Input {
  top: number;
  nodes: NodeView[];
  podsOn: Map<string, PodView[]>;
  ports: { nodePort: number; service: string }[];
  proxyMode: ProxyMode;
  dnsTarget: PodView | undefined;
}

/**
 * Columns of pods per node, from the fullest node: one column while a node's
 * pods stack no taller than the row is wide, then more, in steps, so that
 * only a big change of scale reflows the pods.
 */
export function podColumns(nodeCount: number, maxPods: number): number {
  for (const c of [1, 2, 3, 4, 6, 8, 12, 16]) {
    const wide = nodeCount * (c * (POD.w + GAP) + 2 * PAD);
    const tall = Math.ceil(maxPods / c) * (POD.h + GAP);
    if (wide >= 1.5 * tall) return c;
  }
  return 16;
}

export const podId = (pod: PodView): string => `pod:${pod.namespace}/${pod.name}`;

/** The row's geometry, before anything is placed (the Services above need its width). */
export interface NodeGeometry {
  cols: number;
  inner: number;
  w: number;
  h: number;
  header: number;
  perRow: number;
  width: number;
}

export function measureNodes(nodeCount: number, maxPods: number, portCount: number): NodeGeometry {
  const cols = podColumns(Math.max(1, nodeCount), maxPods);
  const inner = cols * POD.w + (cols - 1) * GAP;
  const w = inner + 2 * PAD;
  const perRow = Math.max(1, Math.floor((inner + CHIP.gap) / (PORT.w + CHIP.gap)));
  const header = NODE_TITLE + CHIP.h + Math.ceil(portCount / perRow) * (PORT.h + CHIP.gap) + GAP;
  const rows = Math.max(1, Math.ceil(maxPods / cols));
  const h = header + rows * (POD.h + GAP) - GAP + PAD;
  return { cols, inner, w, h, header, perRow, width: Math.max(0, nodeCount * (w + NODE_GAP) - NODE_GAP) };
}

export function placeNodes(place: Place, g: NodeGeometry, { top, nodes, podsOn, ports, proxyMode, dnsTarget }: Input): NodeRow {
  const { cols, inner, w, h, header, perRow } = g;
  const slots = new Map<string, PodSlot>();
  let x = 0;
  for (const n of nodes) {
    const mine = podsOn.get(n.name) ?? [];
    const parent = `node:${n.name}`;
    const group = { x, y: top, w, h };
    place(flowNode('k8sNode', parent, group, { node: n, podCount: mine.length }), group);
    const proxy = { x: PAD, y: NODE_TITLE, w: inner, h: CHIP.h };
    place(flowNode('kubeProxy', `kube-proxy:${n.name}`, proxy, { nodeName: n.name, ruleCount: n.proxyRuleCount, mode: proxyMode }, parent), abs(group, proxy));
    ports.forEach((p, i) => {
      const rel = { x: PAD + (i % perRow) * (PORT.w + CHIP.gap), y: NODE_TITLE + CHIP.h + CHIP.gap + Math.floor(i / perRow) * (PORT.h + CHIP.gap), w: PORT.w, h: PORT.h };
      place(flowNode('nodePort', `nodeport:${n.name}:${p.nodePort}`, rel, { nodeName: n.name, ...p }, parent), abs(group, rel));
    });
    mine.forEach((pod, i) => {
      const col = i % cols;
      const rel = { x: PAD + col * (POD.w + GAP), y: header + Math.floor(i / cols) * (POD.h + GAP), w: POD.w, h: POD.h };
      const box = abs(group, rel);
      place(flowNode('pod', podId(pod), rel, { pod, dnsTarget: pod === dnsTarget }, parent), box);
      slots.set(podId(pod), { box, entryX: x + PAD / 2, laneY: top + header - GAP / 2, gutterX: box.x - (col === 0 ? PAD : GAP) / 2 });
    });
    x += w + NODE_GAP;
  }
  return { width: g.width, height: h, slots };
}

const abs = (group: Box, rel: Box): Box => ({ ...rel, x: group.x + rel.x, y: group.y + rel.y });
