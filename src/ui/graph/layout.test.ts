import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, NodeView, PodView, ServiceView } from '../../sim/view/snapshot';
import { labels, layout } from './layout';

const node = (name: string, role: NodeView['role'], ip: string, cidr: string): NodeView => ({
  name, role, ip, podCIDR: cidr, proxyRuleCount: 14,
});
const pod = (namespace: string, name: string, nodeName: string | null, ip: string | null, isCoreDns = false): PodView => ({
  namespace, name, ip, nodeName, phase: 'Running', ready: true, terminating: false,
  labels: {}, image: 'agnhost', ports: [], isCoreDns,
});
const svc = (namespace: string, name: string, clusterIP: string, podNames: string[]): ServiceView => ({
  namespace, name, type: 'ClusterIP', clusterIP, externalIPs: [], loadBalancerIPs: [], selector: { app: name },
  ports: [{ port: 80, targetPort: 9376, protocol: 'TCP' }], sessionAffinity: 'None',
  endpoints: podNames.map((p, i) => ({ ip: `10.244.9.${i}`, port: 9376, podName: p, ready: true, serving: true, terminating: false })),
});

function snapshot(extraPods: PodView[] = []): ClusterSnapshot {
  return {
    version: 1, clusterName: 'kind', podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/16',
    proxyMode: 'iptables', dnsIP: '10.96.0.10', clusterDomain: 'cluster.local', time: 0,
    // Deliberately out of order: the layout must sort.
    nodes: [node('kind-worker2', 'worker', '172.18.0.4', '10.244.2.0/24'), node('kind-control-plane', 'control-plane', '172.18.0.2', '10.244.0.0/24'), node('kind-worker', 'worker', '172.18.0.3', '10.244.1.0/24')],
    pods: [
      pod('default', 'web-b', 'kind-worker2', '10.244.2.3'),
      pod('default', 'web-a', 'kind-worker', '10.244.1.3'),
      pod('default', 'client', 'kind-worker', '10.244.1.2'),
      pod('kube-system', 'coredns-1', 'kind-control-plane', '10.244.0.2', true),
      pod('kube-system', 'kube-apiserver-kind-control-plane', 'kind-control-plane', '172.18.0.2'),
      pod('local-path-storage', 'local-path-provisioner-1', 'kind-control-plane', '10.244.0.4'),
      ...extraPods,
    ],
    services: [svc('default', 'web', '10.96.41.7', ['web-a', 'web-b']), svc('default', 'kubernetes', '10.96.0.1', []), svc('kube-system', 'kube-dns', '10.96.0.10', ['coredns-1'])],
  };
}

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

  it('puts Services below every node, with an edge to each endpoint pod', () => {
    const l = layout(snapshot());
    const web = l.nodes.find((n) => n.id === 'svc:default/web')!;
    const groups = l.nodes.filter((n) => n.type === 'k8sNode');
    expect(web.parentId).toBeUndefined();
    for (const g of groups) expect(web.position.y).toBeGreaterThan(g.position.y + (g.height ?? 0));
    expect(l.nodes.some((n) => n.id === 'svc:default/kubernetes' || n.id === 'svc:kube-system/kube-dns')).toBe(false);
    expect(l.edges.map((e) => [e.source, e.target])).toEqual([
      ['svc:default/web', 'pod:default/web-a'],
      ['svc:default/web', 'pod:default/web-b'],
    ]);
  });

  it('labels elements by kind, name and address', () => {
    expect(labels(layout(snapshot()))).toEqual(expect.arrayContaining([
      'Node kind-worker 172.18.0.3', 'Pod web-a 10.244.1.3', 'Service web 10.96.41.7',
      'CoreDNS coredns-1 10.244.0.2', 'kube-proxy on kind-worker2', 'Workstation',
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
