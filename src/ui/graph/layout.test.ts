import { describe, expect, it } from 'vitest';
import { labels, layout } from './layout';
import { pod, snapshot } from './layout-fixtures';

describe('layout', () => {
  it('places node groups in a row, control-plane first, then workers by name', () => {
    const groups = layout(snapshot()).nodes.filter((n) => n.type === 'k8sNode');
    expect(groups.map((n) => n.id)).toEqual(['node:kind-control-plane', 'node:kind-worker', 'node:kind-worker2']);
    const xs = groups.map((n) => n.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(groups.map((n) => n.position.y)).size).toBe(1);
  });

  it('puts pods inside their node sorted by name, and skips system pods other than CoreDNS', () => {
    const l = layout(snapshot());
    const onWorker = l.nodes.filter((n) => n.parentId === 'node:kind-worker' && n.type === 'pod');
    expect(onWorker.map((n) => n.id)).toEqual(['pod:default/client', 'pod:default/web-a']);
    expect(onWorker[0]!.position.y).toBeLessThan(onWorker[1]!.position.y);
    const ids = l.nodes.map((n) => n.id);
    expect(ids).toContain('pod:kube-system/coredns-1');
    expect(ids.some((id) => id.includes('kube-apiserver') || id.includes('local-path'))).toBe(false);
  });

  it('gives every node a kube-proxy inside it', () => {
    const proxies = layout(snapshot()).nodes.filter((n) => n.type === 'kubeProxy');
    expect(proxies.map((n) => n.parentId)).toEqual(['node:kind-control-plane', 'node:kind-worker', 'node:kind-worker2']);
  });

  it('puts Services above every node, under the outside world, with an edge to each endpoint pod', () => {
    const l = layout(snapshot());
    const web = l.nodes.find((n) => n.id === 'svc:default/web')!;
    const outside = l.nodes.find((n) => n.id === 'outside')!;
    const groups = l.nodes.filter((n) => n.type === 'k8sNode');
    expect(web.parentId).toBeUndefined();
    for (const g of groups) expect(web.position.y + (web.height ?? 0)).toBeLessThan(g.position.y);
    expect(outside.position.y + (outside.height ?? 0)).toBeLessThan(web.position.y);
    expect(l.nodes.some((n) => n.id === 'svc:default/kubernetes' || n.id === 'svc:kube-system/kube-dns')).toBe(false);
    expect(l.edges.map((e) => [e.source, e.target])).toEqual([
      ['svc:default/web', 'pod:default/web-a'],
      ['svc:default/web', 'pod:default/web-b'],
    ]);
  });

  it('sizes node frames from their content: two pods make a short frame', () => {
    const l = layout(snapshot());
    const worker = l.nodes.find((n) => n.id === 'node:kind-worker')!;
    const pods = l.nodes.filter((n) => n.parentId === 'node:kind-worker' && n.type === 'pod');
    const lastBottom = Math.max(...pods.map((p) => p.position.y + (p.height ?? 0)));
    expect((worker.height ?? 0) - lastBottom).toBeLessThanOrEqual(12);
  });

  it('labels elements by kind, name and address', () => {
    expect(labels(layout(snapshot()))).toEqual(expect.arrayContaining([
      'Node kind-worker 172.18.0.3', 'Pod web-a 10.244.1.3', 'Service web 10.96.41.7',
      'CoreDNS coredns-1 10.244.0.2', 'kube-proxy on kind-worker2', 'Workstation (outside the cluster)',
    ]));
  });

  it('anchors every hop element, "coredns" at the first CoreDNS pod', () => {
    const { anchors } = layout(snapshot());
    expect(anchors.coredns).toEqual(anchors['pod:kube-system/coredns-1']);
    for (const id of ['workstation', 'node:kind-worker', 'kube-proxy:kind-worker', 'svc:default/web']) expect(anchors[id]).toBeDefined();
  });

  it('is stable: the same snapshot gives the same layout, and adding a pod moves no node group', () => {
    expect(layout(snapshot())).toEqual(layout(snapshot()));
    const before = layout(snapshot()).nodes.filter((n) => n.type === 'k8sNode' || n.type === 'service');
    const after = layout(snapshot([pod('default', 'web-c', 'kind-worker2', '10.244.2.4')])).nodes.filter((n) => n.type === 'k8sNode' || n.type === 'service');
    expect(after.map((n) => n.position)).toEqual(before.map((n) => n.position));
  });
});

describe('where packets land', () => {
  it('at the right end of a card, off the left-aligned name, and on a node at its title row, not on its pods', () => {
    const l = layout(snapshot());
    const web = l.nodes.find((n) => n.id === 'pod:default/web-a')!;
    const group = l.nodes.find((n) => n.id === 'node:kind-worker')!;
    const a = l.anchors['pod:default/web-a']!;
    expect(a.x).toBeGreaterThan(group.position.x + web.position.x + (web.width ?? 0) * 0.85);
    const n = l.anchors['node:kind-worker']!;
    const firstPodTop = Math.min(...l.nodes.filter((p) => p.parentId === 'node:kind-worker' && p.type === 'pod').map((p) => p.position.y));
    expect(n.y - group.position.y).toBeLessThan(firstPodTop);
  });
});

describe('what the camera frames', () => {
  it('a hop between two cards shows both cards whole, not the packets\' landing points at their right ends', () => {
    const l = layout(snapshot());
    const web = l.nodes.find((n) => n.id === 'pod:default/web-a')!;
    const group = l.nodes.find((n) => n.id === 'node:kind-worker')!;
    const c = l.centers['pod:default/web-a']!;
    expect(c.x).toBeCloseTo(group.position.x + web.position.x + (web.width ?? 0) / 2);
    expect(l.centers.coredns).toEqual(l.centers['pod:kube-system/coredns-1']);
  });
});
