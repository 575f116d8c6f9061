/**
 * Orthogonal routes for the canvas's lines, in canvas coordinates. A line
 * from a Service drops to its own lane between the Services and the nodes,
 * runs to the target node's left gutter, down to the lane under the node's
 * header, along it to the gutter beside the pod's column, and into the pod's
 * left side: it runs between cards, never across one, and the lines into one
 * node share its gutter (a bundle).
 */
import type { Box } from './flow-nodes';
import type { PodSlot } from './layout-nodes';
import { SVC } from './layout-sizes';

export type Pt = [number, number];

/** The lane of the i-th Service: lanes are a few units apart so two Services' lines do not merge. */
export const laneOf = (busTop: number, busHeight: number, i: number): number => busTop + busHeight / 2 + ((i % 7) - 3) * 4;

export function serviceToPod(svc: Box, covered: boolean, lane: number, slot: PodSlot): Pt[] {
  const sx = svc.x + svc.w / 2;
  const bottom = svc.y + svc.h;
  const down: Pt[] = covered
    ? // Another card sits under this one: leave by the gap to its left.
      [[sx, bottom], [sx, bottom + SVC.rowGap / 2], [svc.x - SVC.gap / 2, bottom + SVC.rowGap / 2], [svc.x - SVC.gap / 2, lane]]
    : [[sx, bottom], [sx, lane]];
  const cy = slot.box.y + slot.box.h / 2;
  return simplify([...down, [slot.entryX, lane], [slot.entryX, slot.laneY], [slot.gutterX, slot.laneY], [slot.gutterX, cy], [slot.box.x, cy]]);
}

/** A pod waiting for a node sits in the Services' rows: reach it from below. */
export function serviceToLoose(svc: Box, lane: number, pod: Box): Pt[] {
  const sx = svc.x + svc.w / 2;
  const px = pod.x + pod.w / 2;
  return simplify([[sx, svc.y + svc.h], [sx, lane], [px, lane], [px, pod.y + pod.h]]);
}

/** Between a card above (its bottom) and one below (its top), turning halfway. */
export function verticalLink(upper: Box, lower: Box): Pt[] {
  const ux = upper.x + upper.w / 2;
  const lx = lower.x + lower.w / 2;
  const mid = (upper.y + upper.h + lower.y) / 2;
  return simplify([[ux, upper.y + upper.h], [ux, mid], [lx, mid], [lx, lower.y]]);
}

/** Drops repeated points and points in the middle of a straight run. */
export function simplify(points: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((prev[0] === last[0] && last[0] === p[0]) || (prev[1] === last[1] && last[1] === p[1]))) out.pop();
    out.push(p);
  }
  return out;
}

/** An SVG path through the points with small rounded corners. */
export function roundedPath(points: Pt[], radius = 6): string {
  if (points.length === 0) return '';
  const r1 = (n: number): number => Math.round(n * 10) / 10;
  let d = `M ${r1(points[0]![0])} ${r1(points[0]![1])}`;
  for (let i = 1; i < points.length; i++) {
    const [x, y] = points[i]!;
    const next = points[i + 1];
    if (!next) {
      d += ` L ${r1(x)} ${r1(y)}`;
      break;
    }
    const [px, py] = points[i - 1]!;
    const inLen = Math.hypot(x - px, y - py);
    const outLen = Math.hypot(next[0] - x, next[1] - y);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    const ax = x - ((x - px) / (inLen || 1)) * r;
    const ay = y - ((y - py) / (inLen || 1)) * r;
    const bx = x + ((next[0] - x) / (outLen || 1)) * r;
    const by = y + ((next[1] - y) / (outLen || 1)) * r;
    d += ` L ${r1(ax)} ${r1(ay)} Q ${r1(x)} ${r1(y)} ${r1(bx)} ${r1(by)}`;
  }
  return d;
}
