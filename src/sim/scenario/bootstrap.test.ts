// A fresh kind cluster. kind pkg/apis/config/v1alpha4/default.go (podSubnet 10.244.0.0/16, serviceSubnet 10.96.0.0/16),
// kubeadm GetDNSIP (10th address), k/k cmd/kubeadm/app/phases/addons/dns/manifests.go (kube-dns ports, labels).
import { describe, expect, it } from 'vitest';
import { newSim, svc } from '../test-helpers';
import { ClusterConfigError, defaultClusterConfig, parseClusterConfig } from './cluster-config';

describe('bootstrapCluster (default kind config)', () => {
  const sim = newSim();
  const store = sim.cluster.store;

  it('three nodes named like kind, control plane first with the first /24', () => {
    expect(store.list('Node').map((n) => [n.metadata.name, n.spec.podCIDR, n.status.addresses[0]!.address])).toEqual([
      ['kind-control-plane', '10.244.0.0/24', '172.18.0.2'],
      ['kind-worker', '10.244.1.0/24', '172.18.0.3'],
      ['kind-worker2', '10.244.2.0/24', '172.18.0.4'],
    ]);
    expect(store.get('Node', undefined, 'kind-control-plane')!.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  });

  it('default/kubernetes at .1 (443 -> 6443 on the control plane)', () => {
    const k = svc(sim, 'kubernetes');
    expect(k.spec.clusterIP).toBe('10.96.0.1');
    expect(k.spec.ports).toEqual([{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }]);
    expect(store.get('Endpoints', 'default', 'kubernetes')!.subsets![0]!.addresses).toEqual([{ ip: '172.18.0.2' }]);
  });

  it('kube-dns at .10 with the kubeadm ports, selecting k8s-app=kube-dns', () => {
    const dns = svc(sim, 'kube-dns', 'kube-system');
    expect(dns.spec.clusterIP).toBe('10.96.0.10');
    expect(sim.dnsIP).toBe('10.96.0.10');
    expect(dns.spec.selector).toEqual({ 'k8s-app': 'kube-dns' });
    expect(dns.spec.ports.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
  });

  it('two CoreDNS pods, ready, on the control plane, behind kube-dns', () => {
    const coredns = store.list('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
    expect(coredns).toHaveLength(2);
    expect(coredns.every((p) => p.spec.nodeName === 'kind-control-plane' && p.status.ready && p.spec.dnsPolicy === 'Default')).toBe(true);
    const subsets = store.get('Endpoints', 'kube-system', 'kube-dns')!.subsets!;
    expect(subsets.flatMap((s) => s.addresses!.map((a) => a.ip)).sort()).toEqual(coredns.map((p) => p.status.podIP).sort());
  });

  it('one kube-proxy and one kindnet pod per node, on the host network', () => {
    for (const prefix of ['kube-proxy-', 'kindnet-']) {
      const pods = store.list('Pod', 'kube-system').filter((p) => p.metadata.name.startsWith(prefix));
      expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
      expect(pods.every((p) => p.spec.hostNetwork && p.status.podIP === p.status.hostIP)).toBe(true);
    }
  });

  it('the system namespaces exist', () => {
    expect(store.list('Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']);
  });
});

describe('cluster config', () => {
  it('honours pinned subnets: kubernetes at .1 and kube-dns at .10 of the service subnet', () => {
    const sim = newSim(1, parseClusterConfig('kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  podSubnet: 192.168.0.0/16\n  serviceSubnet: 10.100.0.0/16\n'));
    expect(svc(sim, 'kubernetes').spec.clusterIP).toBe('10.100.0.1');
    expect(svc(sim, 'kube-dns', 'kube-system').spec.clusterIP).toBe('10.100.0.10');
    expect(sim.cluster.store.list('Node').map((n) => n.spec.podCIDR)).toEqual(['192.168.0.0/24', '192.168.1.0/24', '192.168.2.0/24']);
  });

  it('node names follow kind (control-plane, control-plane2, worker, worker2)', () => {
    const c = parseClusterConfig('kind: Cluster\nname: dev\nnodes:\n- role: control-plane\n- role: control-plane\n- role: worker\n- role: worker\n');
    expect(c.nodes.map((n) => n.name)).toEqual(['dev-control-plane', 'dev-control-plane2', 'dev-worker', 'dev-worker2']);
  });

  it('defaults match kind and reject nonsense', () => {
    const d = defaultClusterConfig();
    expect([d.podSubnet.text, d.serviceSubnet.text, d.proxyMode, d.clusterDomain, d.nodePortRange]).toEqual(['10.244.0.0/16', '10.96.0.0/16', 'iptables', 'cluster.local', { min: 30000, max: 32767 }]);
    expect(() => parseClusterConfig('kind: Pod\n')).toThrow(ClusterConfigError);
    expect(() => parseClusterConfig('networking:\n  podSubnet: 10.244.0.0\n')).toThrow('invalid podSubnet: 10.244.0.0');
    expect(parseClusterConfig('networking:\n  kubeProxyMode: ipvs\n').proxyMode).toBe('ipvs');
  });
});
