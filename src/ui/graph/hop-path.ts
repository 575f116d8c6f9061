/** The curve a packet flies along for one hop, in canvas coordinates. */
export interface Point {
  x: number;
  y: number;
}

/**
 * A gentle quadratic curve from a to b, bowed to the left of the direction of
 * travel, so a reply travelling back does not hide under its request.
 * A hop that stays in place (a rewrite inside kube-proxy) is a small loop.
 */
export function hopPath(a: Point, b: Point): string {
  const c = control(a, b);
  if (!c) return `M ${a.x} ${a.y} a ${LOOP_R} ${LOOP_R} 0 1 1 0.1 0`;
  return `M ${r1(a.x)} ${r1(a.y)} Q ${r1(c.x)} ${r1(c.y)} ${r1(b.x)} ${r1(b.y)}`;
}

const LOOP_R = 16;

/** The curve's control point; null for a hop that stays in place (drawn as a loop). */
function control(a: Point, b: Point): Point | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len < 1) return null;
  const bow = Math.min(70, len * 0.18);
  return { x: (a.x + b.x) / 2 + (dy / len) * bow, y: (a.y + b.y) / 2 - (dx / len) * bow };
}

/** Where the packet is at progress t (0..1) along hopPath(a, b). */
export function pointOnHop(a: Point, b: Point, t: number): Point {
  const c = control(a, b);
  if (!c) {
    // The loop: a circle of LOOP_R above the point, started and ended at the point.
    const angle = Math.PI / 2 + t * 2 * Math.PI;
    return { x: a.x + LOOP_R * Math.cos(angle), y: a.y - LOOP_R + LOOP_R * Math.sin(angle) };
  }
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
}

/** Ease in and out (a cubic), as the packet leaves and arrives. */
const easeInOut = (t: number): number => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

/**
 * The flight as evenly timed stops along the curve, eased: played with linear
 * timing between them, a packet follows the curve as a transform, which the
 * compositor animates without the page's main thread.
 */
export function flightStops(a: Point, b: Point, stops = 24): Point[] {
  return Array.from({ length: stops + 1 }, (_, i) => pointOnHop(a, b, easeInOut(i / stops)));
}

const r1 = (n: number): number => Math.round(n * 10) / 10;
