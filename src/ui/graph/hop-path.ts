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
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len < 1) {
    const r = 16;
    return `M ${a.x} ${a.y} a ${r} ${r} 0 1 1 0.1 0`;
  }
  const bow = Math.min(70, len * 0.18);
  const cx = (a.x + b.x) / 2 + (dy / len) * bow;
  const cy = (a.y + b.y) / 2 - (dx / len) * bow;
  return `M ${r1(a.x)} ${r1(a.y)} Q ${r1(cx)} ${r1(cy)} ${r1(b.x)} ${r1(b.y)}`;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;
