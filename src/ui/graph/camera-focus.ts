/**
 * Where the camera looks (pure): the whole cluster when it fits at a legible
 * zoom, else the current hop's actors at that zoom (presenter mode always
 * closes in, for type a room can read).
 */
import type { Hop } from '../../sim/view/snapshot';
import { POD } from './layout-sizes';

export interface Size {
  w: number;
  h: number;
}
export interface View {
  x: number;
  y: number;
  zoom: number;
}

/** The smallest canvas font is 13 graph units (graph.css): 0.85 shows it at 11 px. */
export const LEGIBLE_ZOOM = 11 / 13;
/** Presenter mode: the cards' 13-15 unit text at 18-22 px. */
export const PRESENTER_ZOOM = 1.45;
const MAX_ZOOM = 1.5;
/** Room around each actor: its card and a margin. */
const MARGIN = { x: POD.w / 2 + 24, y: POD.h / 2 + 36 };

/** The zoom at which the whole graph fits the canvas. */
export const fitZoom = (graph: Size, canvas: Size): number =>
  Math.min((canvas.w - 56) / Math.max(1, graph.w), (canvas.h - 20) / Math.max(1, graph.h));

/** Whether the camera should close in on hops rather than show everything. */
export const needsFollow = (graph: Size, canvas: Size, presenter: boolean): boolean =>
  presenter || fitZoom(graph, canvas) < LEGIBLE_ZOOM;

/** The view on a hop: both ends if they fit at the target zoom, else the end the packet is heading for. */
export function hopView(hop: Hop, anchors: Record<string, { x: number; y: number }>, canvas: Size, presenter: boolean): View | null {
  const to = anchors[hop.to];
  const from = anchors[hop.from] ?? to;
  if (!to || !from) return null;
  const target = presenter ? PRESENTER_ZOOM : LEGIBLE_ZOOM;
  const w = Math.abs(to.x - from.x) + 2 * MARGIN.x;
  const h = Math.abs(to.y - from.y) + 2 * MARGIN.y;
  const both = Math.min(canvas.w / w, canvas.h / h, MAX_ZOOM);
  if (both >= target) return { x: (to.x + from.x) / 2, y: (to.y + from.y) / 2, zoom: presenter ? Math.max(target, Math.min(both, MAX_ZOOM)) : Math.min(both, 1.2) };
  return { x: to.x, y: to.y, zoom: target };
}
