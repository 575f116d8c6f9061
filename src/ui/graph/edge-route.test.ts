import { describe, expect, it } from 'vitest';
import type { ServiceView } from '../../sim/view/snapshot';
import { roundedPath, simplify, type Pt } from './edge-route';
import type { Box } from './flow-nodes';
import { layout, type GraphLayout } from './layout';
import { pod, snapshot, svc } from './layout-fixtures';

/** Every card's box in canvas coordinates (a child's position is relative to its parent). */
function boxes(l: GraphLayout): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const n of l.nodes) {
    const parent = n.parentId ? out.get(n.parentId) : undefined;
    out.set(n.id, { x: n.position.x + (parent?.x ?? 0), y: n.position.y + (parent?.y ?? 0), w: n.width ?? 0, h: n.height ?? 0 });
  }
  return out;
}

/** Whether an axis-parallel segment passes through a box's inside (touching its edge does not count). */
function crosses([a, b]: [Pt, Pt], r: Box): boolean {
  const [x1, x2] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [y1, y2] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  return x2 > r.x + 0.5 && x1 < r.x + r.w - 0.5 && y2 > r.y + 0.5 && y1 < r.y + r.h - 0.5;
}

function bigSnapshot() {
  const s = snapshot();
  const pods = [];
  const services: ServiceView[] = [];
  for (let k = 0; k < 8; k++) {
    const names: string[] = [];
    for (let i = 0; i < 9; i++) {
      const node = ['kind-worker', 'kind-worker2'][(k + i) % 2]!;
      const name = `app${k}-${i}`;
      pods.push(pod('default', name, node, `10.244.${node === 'kind-worker' ? 1 : 2}.${10 + k * 9 + i}`));
      names.push(name);
    }
    services.push(svc('default', `app${k}`, `10.96.7.${k}`, names));
  }
  return { ...snapshot(pods), services: [...s.services, ...services] };
}

describe('edge routes', () => {
  for (const [name, snap] of [['the fixture', snapshot()], ['8 Services x 9 pods on two nodes', bigSnapshot()]] as const) {
    it(`no line crosses a card other than its own two ends (${name})`, () => {
      const l = layout(snap);
      const all = boxes(l);
      // Cards a line may not cross: pods, Services, kube-proxy chips, node ports (node frames and the outside frame are containers).
      const cards = [...all.entries()].filter(([id]) => /^(pod|svc|kube-proxy|nodeport):/.test(id));
      expect(l.edges.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const e of l.edges) {
        const pts = e.data!.points;
        for (let i = 1; i < pts.length; i++) {
          const seg: [Pt, Pt] = [pts[i - 1]!, pts[i]!];
          if (seg[0][0] !== seg[1][0] && seg[0][1] !== seg[1][1]) wrong.push(`${e.id} has a slanted segment`);
          for (const [id, box] of cards) if (id !== e.source && id !== e.target && crosses(seg, box)) wrong.push(`${e.id} crosses ${id}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('starts at the Service card and ends on the pod card', () => {
    const l = layout(snapshot());
    const all = boxes(l);
    const e = l.edges.find((x) => x.target === 'pod:default/web-a')!;
    const pts = e.data!.points;
    const s = all.get('svc:default/web')!;
    const p = all.get('pod:default/web-a')!;
    expect(pts[0]).toEqual([s.x + s.w / 2, s.y + s.h]);
    expect(pts[pts.length - 1]).toEqual([p.x, p.y + p.h / 2]);
  });

  it('simplifies straight runs and rounds corners', () => {
    expect(simplify([[0, 0], [0, 5], [0, 10], [0, 10], [4, 10]])).toEqual([[0, 0], [0, 10], [4, 10]]);
    expect(roundedPath([[0, 0], [0, 10], [10, 10]], 4)).toBe('M 0 0 L 0 6 Q 0 10 4 10 L 10 10');
  });
});
