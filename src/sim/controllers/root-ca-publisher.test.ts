// kube-controller-manager's root-ca-cert-publisher (k/k pkg/controller/certificates/rootcacertpublisher/publisher.go)
// and the ConfigMaps kubeadm and kind leave in a fresh cluster (k/k cmd/kubeadm/app/phases/addons/dns/manifests.go).
import { describe, expect, it } from 'vitest';
import { apply, newSim } from '../test-helpers';
import { CLUSTER_CA_PEM } from './root-ca-publisher';

describe('kube-root-ca.crt in every namespace', () => {
  it('is in each namespace of a fresh cluster, and appears in a new one', () => {
    const sim = newSim();
    const names = () => sim.cluster.store.list('ConfigMap').filter((c) => c.metadata.name === 'kube-root-ca.crt').map((c) => c.metadata.namespace);
    expect(names()).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']);
    apply(sim, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
    expect(names()).toContain('shop');
  });

  it('is made again when deleted and set back when edited', () => {
    const sim = newSim();
    sim.delete('ConfigMap', 'default', 'kube-root-ca.crt');
    sim.settle();
    expect(sim.cluster.store.get('ConfigMap', 'default', 'kube-root-ca.crt')?.data).toEqual({ 'ca.crt': CLUSTER_CA_PEM });
    apply(sim, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-root-ca.crt\ndata:\n  ca.crt: nope\n');
    expect(sim.cluster.store.get('ConfigMap', 'default', 'kube-root-ca.crt')?.data).toEqual({ 'ca.crt': CLUSTER_CA_PEM });
  });
});

describe('the ConfigMaps of a fresh kind cluster', () => {
  it('lists what kubectl get cm -A lists on kind v1.33', () => {
    const all = newSim().cluster.store.list('ConfigMap').map((c) => `${c.metadata.namespace}/${c.metadata.name}`);
    expect(all).toEqual([
      'default/kube-root-ca.crt',
      'kube-node-lease/kube-root-ca.crt',
      'kube-public/cluster-info',
      'kube-public/kube-root-ca.crt',
      'kube-system/coredns',
      'kube-system/extension-apiserver-authentication',
      'kube-system/kube-apiserver-legacy-service-account-token-tracking',
      'kube-system/kube-proxy',
      'kube-system/kube-root-ca.crt',
      'kube-system/kubeadm-config',
      'kube-system/kubelet-config',
      'local-path-storage/kube-root-ca.crt',
      'local-path-storage/local-path-config',
    ]);
  });

  it('coredns holds kubeadm\'s Corefile for the cluster domain', () => {
    const cm = newSim().cluster.store.get('ConfigMap', 'kube-system', 'coredns')!;
    expect(cm.data!.Corefile!).toContain('    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n');
    expect(cm.data!.Corefile!.startsWith('.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n')).toBe(true);
  });

  it('kube-proxy\'s config.conf carries the cluster CIDR and the mode', () => {
    const conf = newSim().cluster.store.get('ConfigMap', 'kube-system', 'kube-proxy')!.data!['config.conf']!;
    expect(conf).toContain('\nclusterCIDR: 10.244.0.0/16\n');
    expect(conf).toContain('\nmode: iptables\n');
  });
});
