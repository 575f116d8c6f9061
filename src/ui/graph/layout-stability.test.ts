import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, ServiceView } from '../../sim/view/snapshot';
import { labels, layout } from './layout';
import { podColumns } from './layout-nodes';
import { pod, snapshot, svc } from './layout-fixtures';

const positions = (s: ClusterSnapshot, keep: (id: string) => boolean = () => true): Record<string, { x: number; y: number }> =>
  Object.fromEntries(layout(s).nodes.filter((n) => keep(n.id)).map((n) => [n.id, n.position]));

const withServices = (s: ClusterSnapshot, ...extra: ServiceView[]): ClusterSnapshot => ({ ...s, services: [...s.services, ...extra] });

describe('layout stability while the YAML is edited', () => {
  it('a new pod (the next IP on its node) moves no other element', () => {
    const before = positions(snapshot());
    const after = positions(snapshot([pod('default', 'web-0-new', 'kind-worker', '10.244.1.9')]));
    for (const [id, p] of Object.entries(before)) expect(after[id], id).toEqual(p);
    expect(after['pod:default/web-0-new']).toBeDefined();
  });

  it('pods sit in the order their IPs were handed out, not by name', () => {
    const ids = layout(snapshot([pod('default', 'aaa', 'kind-worker', '10.244.1.7')])).nodes.filter((n) => n.parentId === 'node:kind-worker' && n.type === 'pod').map((n) => n.id);
    expect(ids).toEqual(['pod:default/client', 'pod:default/web-a', 'pod:default/aaa']);
  });

  it('more pods on a node make the node longer downwards; no other card moves', () => {
    const base = positions(snapshot());
    const extra = [5, 6, 7, 8].map((i) => pod('default', `w${i}`, 'kind-worker', `10.244.1.${i}`));
    const l = layout(snapshot(extra));
    const after = Object.fromEntries(l.nodes.map((n) => [n.id, n.position]));
    for (const [id, p] of Object.entries(base)) expect(after[id], id).toEqual(p);
    // Every node keeps one height, so the row stays tidy.
    expect(new Set(l.nodes.filter((n) => n.type === 'k8sNode').map((n) => n.height)).size).toBe(1);
  });

  it('a much bigger cluster gets more pod columns per node (a change of scale, not of one pod)', () => {
    expect(podColumns(3, 2)).toBe(1);
    expect(podColumns(3, 6)).toBe(1);
    expect(podColumns(5, 75)).toBeGreaterThan(2);
    for (let n = 1; n < 120; n++) expect(podColumns(5, n + 1)).toBeGreaterThanOrEqual(podColumns(5, n));
  });

  it('a pod that becomes terminating or unready keeps its place', () => {
    const s = snapshot();
    const changed = { ...s, pods: s.pods.map((p) => (p.name === 'web-a' ? { ...p, terminating: true, ready: false } : p)) };
    expect(positions(changed)).toEqual(positions(s));
  });

  it('a Service added after the others in name order moves no Service and no node', () => {
    const before = positions(snapshot(), (id) => !id.startsWith('outside') && id !== 'workstation');
    const after = positions(withServices(snapshot(), svc('default', 'zeta', '10.96.9.9', [])));
    for (const [id, p] of Object.entries(before)) expect(after[id], id).toEqual(p);
  });

  it('draws node ports on every node, a load balancer per LoadBalancer Service, and ExternalName hosts outside', () => {
    const np: ServiceView = { ...svc('default', 'np', '10.96.5.5', []), type: 'NodePort', ports: [{ port: 80, targetPort: 9376, nodePort: 30080, protocol: 'TCP' }] };
    const lb: ServiceView = { ...svc('default', 'lb', '10.96.6.6', []), type: 'LoadBalancer', ports: [{ port: 80, targetPort: 9376, nodePort: 31000, protocol: 'TCP' }], loadBalancerIPs: ['172.18.255.200'] };
    const pending: ServiceView = { ...lb, name: 'lb2', loadBalancerIPs: [] };
    const ext: ServiceView = { ...svc('default', 'db', '', []), type: 'ExternalName', clusterIP: null, externalName: 'db.example.com', selector: null };
    const headless: ServiceView = { ...svc('default', 'hl', 'None', []) };
    const l = layout(withServices(snapshot(), np, lb, pending, ext, headless));
    const names = labels(l);
    expect(names).toEqual(expect.arrayContaining([
      'NodePort 30080 on kind-worker', 'NodePort 31000 on kind-worker2', 'NodePort 30080 on kind-control-plane',
      'Load balancer lb 172.18.255.200', 'Load balancer lb2 pending', 'External host db.example.com', 'Service hl None',
      'Workstation (outside the cluster)',
    ]));
    const frame = l.nodes.find((n) => n.id === 'outside')!;
    for (const id of ['workstation', 'lb:default/lb', 'external:db.example.com']) expect(l.nodes.find((n) => n.id === id)!.parentId).toBe('outside');
    const service = l.nodes.find((n) => n.id === 'svc:default/lb')!;
    expect(frame.position.y + (frame.height ?? 0)).toBeLessThan(service.position.y);
    expect(l.edges.map((e) => e.id)).toEqual(expect.arrayContaining(['lb:svc:default/lb', 'cname:svc:default/db']));
  });
});
