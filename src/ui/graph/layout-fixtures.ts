/** Snapshots for the layout and linking tests. */
import type { ClusterSnapshot, NodeView, PodView, ServiceView } from '../../sim/view/snapshot';

export const node = (name: string, role: NodeView['role'], ip: string, cidr: string): NodeView => ({
  name, role, ip, podCIDR: cidr, proxyRuleCount: 14,
});
export const pod = (namespace: string, name: string, nodeName: string | null, ip: string | null, isCoreDns = false): PodView => ({
  namespace, name, ip, nodeName, phase: 'Running', ready: true, terminating: false,
  labels: {}, image: 'agnhost', ports: [], isCoreDns,
});
export const svc = (namespace: string, name: string, clusterIP: string, podNames: string[]): ServiceView => ({
  namespace, name, type: 'ClusterIP', clusterIP, externalIPs: [], loadBalancerIPs: [], selector: { app: name },
  ports: [{ port: 80, targetPort: 9376, protocol: 'TCP' }], sessionAffinity: 'None',
  endpoints: podNames.map((p, i) => ({ ip: `10.244.9.${i}`, port: 9376, podName: p, ready: true, serving: true, terminating: false })),
});

export function snapshot(extraPods: PodView[] = []): ClusterSnapshot {
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

