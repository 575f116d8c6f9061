/**
 * A fresh kind cluster as `kind create cluster` leaves it: nodes with their
 * podCIDRs, the system namespaces, the control-plane's static pods, the
 * kube-proxy and kindnet DaemonSet pods, CoreDNS behind kube-dns at the
 * service subnet's 10th address, and default/kubernetes at its first.
 * Sources: kind pkg/cluster/internal/create, kubeadm's DNS addon manifests
 * (k/k cmd/kubeadm/app/phases/addons/dns/manifests.go) and kind's
 * pkg/build/nodeimage/const_cni.go and const_storage.go.
 */
import { Cluster } from '../cluster';
import { settle } from '../controllers/reconcile';
import { cidrAddress, formatIPv4, subnetAt } from '../net/ip';
import { createSystemConfigMaps } from './system-configmaps';
import type { Container, Deployment, Node, Pod, Service } from '../model/types';
import type { ClusterConfig, NodeConfig } from './cluster-config';
import { recordNodeJoin } from './node-events';
import { kubernetesVersionOf } from './versions';

export { KUBERNETES_VERSION, USERSPACE_KUBERNETES_VERSION, kubernetesVersionOf } from './versions';
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.12.0';
/** The cluster existed this long (seconds) before the scenario starts. */
const CLUSTER_AGE = 300;

export function dnsServiceIP(config: ClusterConfig): string {
  return formatIPv4(cidrAddress(config.serviceSubnet, 10));
}

/**
 * The static pods' requests as kubeadm writes them (cmd/kubeadm/app/phases/controlplane/manifests.go,
 * etcd/local.go); kindnet's and CoreDNS's from kind's and kubeadm's manifests.
 */
const STATIC_POD_REQUESTS: Record<string, Record<string, string>> = {
  etcd: { cpu: '100m', memory: '100Mi' },
  'kube-apiserver': { cpu: '250m' },
  'kube-controller-manager': { cpu: '200m' },
  'kube-scheduler': { cpu: '100m' },
};

const CONTROL_PLANE_TOLERATIONS = [
  { key: 'CriticalAddonsOnly', operator: 'Exists' },
  { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
];

function addNode(cluster: Cluster, cfg: NodeConfig, index: number, tainted: boolean): Node {
  const podCIDR = subnetAt(cluster.config.podSubnet, cluster.config.nodeCidrMaskSize, index).text;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': cfg.name,
    'kubernetes.io/os': 'linux',
  };
  if (cfg.role === 'control-plane') {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return cluster.create(
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: cluster.newMeta(cfg.name, undefined, { labels }),
      spec: {
        podCIDR,
        podCIDRs: [podCIDR],
        ...(tainted ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
      },
      status: { addresses: [{ type: 'InternalIP', address: cfg.ip }, { type: 'Hostname', address: cfg.name }], ready: true },
    },
    -CLUSTER_AGE,
  );
}

function hostPod(cluster: Cluster, name: string, node: NodeConfig, image: string, owner: { kind: string; name: string }, labels: Record<string, string>, resources?: Container['resources']): void {
  const container: Container = { name: name.replace(/-[^-]*$/, '').replace(/-kind.*$/, ''), image, ...(resources ? { resources } : {}) };
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: cluster.newMeta(name, 'kube-system', {
      labels,
      ownerReferences: [{ apiVersion: owner.kind === 'Node' ? 'v1' : 'apps/v1', kind: owner.kind, name: owner.name, uid: cluster.ids.uid(), controller: true }],
    }),
    spec: { containers: [container], nodeName: node.name, hostNetwork: true, dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', enableServiceLinks: true },
    status: { phase: 'Pending', ready: false },
  };
  cluster.create(pod, -CLUSTER_AGE);
}

function systemDeployment(cluster: Cluster, ns: string, name: string, replicas: number, labels: Record<string, string>, containers: Container[]): void {
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: cluster.newMeta(name, ns, { labels, generation: 1 }),
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers, dnsPolicy: 'Default', restartPolicy: 'Always', enableServiceLinks: true, nodeSelector: { 'kubernetes.io/os': 'linux' }, tolerations: CONTROL_PLANE_TOLERATIONS },
      },
    },
    status: { replicas: 0, readyReplicas: 0, updatedReplicas: 0, availableReplicas: 0 },
  };
  cluster.create(d, -CLUSTER_AGE);
}

function service(cluster: Cluster, ns: string, name: string, ip: string, spec: Partial<Service['spec']>, labels?: Record<string, string>, annotations?: Record<string, string>): void {
  cluster.clusterIPs.allocate(ip);
  cluster.create(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: cluster.newMeta(name, ns, { labels, ...(annotations ? { annotations } : {}) }),
      spec: { type: 'ClusterIP', ports: [], sessionAffinity: 'None', clusterIP: ip, clusterIPs: [ip], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster', ...spec },
      status: { loadBalancer: {} },
    },
    -CLUSTER_AGE,
  );
}

export function bootstrapCluster(config: ClusterConfig, seed: number): Cluster {
  const cluster = new Cluster(config, seed);
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']) {
    cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: cluster.newMeta(ns, undefined, { labels: { 'kubernetes.io/metadata.name': ns } }), status: { phase: 'Active' } }, -CLUSTER_AGE);
  }
  const multiNode = config.nodes.length > 1;
  const controlPlanes = config.nodes.filter((n) => n.role === 'control-plane');
  const workers = config.nodes.filter((n) => n.role === 'worker');
  const first = controlPlanes[0] ?? config.nodes[0]!;
  const apiServerIP = formatIPv4(cidrAddress(config.serviceSubnet, 1));
  service(cluster, 'default', 'kubernetes', apiServerIP, { ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }] }, { component: 'apiserver', provider: 'kubernetes' });
  cluster.create({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: cluster.newMeta('kubernetes', 'default', { labels: { 'kubernetes.io/service-name': 'kubernetes' } }),
    addressType: 'IPv4',
    // The apiserver's reconciler sets ready alone (pkg/controlplane/reconcilers/endpointsadapter.go updateEndpointSlice).
    endpoints: [{ addresses: [first.ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  }, -CLUSTER_AGE);
  cluster.create({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: cluster.newMeta('kubernetes', 'default', { labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }),
    subsets: [{ addresses: [{ ip: first.ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  }, -CLUSTER_AGE);

  // Nodes join one by one: the control plane first, so the add-ons land on it, as in kind.
  const ordered = [...controlPlanes, ...workers];
  ordered.forEach((n, i) => {
    if (i > 0) return;
    addNode(cluster, n, 0, multiNode);
  });
  for (const cp of controlPlanes) {
    for (const component of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
      hostPod(cluster, `${component}-${cp.name}`, cp, component === 'etcd' ? 'registry.k8s.io/etcd:3.5.21-0' : `registry.k8s.io/${component}:${kubernetesVersionOf(config)}`, { kind: 'Node', name: cp.name }, { component, tier: 'control-plane' }, { requests: STATIC_POD_REQUESTS[component]! });
    }
  }
  const dnsLabels = { 'k8s-app': 'kube-dns' };
  systemDeployment(cluster, 'kube-system', 'coredns', 2, dnsLabels, [
    {
      name: 'coredns',
      image: COREDNS_IMAGE,
      args: ['-conf', '/etc/coredns/Corefile'],
      resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
      ports: [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
      ],
    },
  ]);
  systemDeployment(cluster, 'local-path-storage', 'local-path-provisioner', 1, { app: 'local-path-provisioner' }, [
    { name: 'local-path-provisioner', image: 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a' },
  ]);
  service(cluster, 'kube-system', 'kube-dns', dnsServiceIP(config), {
    selector: dnsLabels,
    ports: [
      { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
      { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
      { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
    ],
  }, { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }, { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' });
  settle(cluster);
  ordered.forEach((n, i) => {
    if (i > 0) addNode(cluster, n, i, false);
  });
  for (const n of ordered) {
    hostPod(cluster, cluster.generatedName('Pod', 'kube-system', 'kindnet-'), n, 'docker.io/kindest/kindnetd:v20250512-df8de77b', { kind: 'DaemonSet', name: 'kindnet' }, { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }, { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } });
    hostPod(cluster, cluster.generatedName('Pod', 'kube-system', 'kube-proxy-'), n, `registry.k8s.io/kube-proxy:${kubernetesVersionOf(config)}`, { kind: 'DaemonSet', name: 'kube-proxy' }, { 'k8s-app': 'kube-proxy' });
  }
  settle(cluster);
  for (const obj of [...cluster.store.list('Pod'), ...cluster.store.list('ReplicaSet'), ...cluster.store.list('EndpointSlice'), ...cluster.store.list('Endpoints')]) {
    if (obj.metadata.creationTimestamp >= 0) obj.metadata.creationTimestamp = -CLUSTER_AGE + 20;
  }
  for (const pod of cluster.store.list('Pod')) if (pod.status.startTime !== undefined && pod.status.startTime >= 0) pod.status.startTime = -CLUSTER_AGE + 20;
  cluster.events.backdate(-CLUSTER_AGE + 20);
  for (const node of cluster.store.list('Node')) recordNodeJoin(cluster, node, -CLUSTER_AGE);
  createSystemConfigMaps(cluster, config, dnsServiceIP(config), -CLUSTER_AGE);
  return cluster;
}
