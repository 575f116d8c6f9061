/**
 * The ConfigMaps a fresh kind cluster (v1.33, kindest/node) holds besides kube-root-ca.crt:
 * - kube-system/coredns: the Corefile of kubeadm's CoreDNS addon (k/k cmd/kubeadm/app/phases/
 *   addons/dns/manifests.go CoreDNSConfigMap, with kind's cluster domain);
 * - kube-system/kube-proxy: config.conf (the KubeProxyConfiguration kubeadm renders with kind's
 *   clusterCIDR, mode and patches: conntrack.maxPerCore 0, iptables.minSyncPeriod 1s) and
 *   kubeconfig.conf (cmd/kubeadm/app/phases/addons/proxy/manifests.go KubeConfigTemplate);
 * - kube-system/kubeadm-config, kubelet-config, extension-apiserver-authentication,
 *   kube-apiserver-legacy-service-account-token-tracking; kube-public/cluster-info;
 *   local-path-storage/local-path-config (kind's local-path-provisioner manifest).
 * Deliberate departure: certificates are the stand-in of root-ca-publisher.ts; the
 * ClusterConfiguration and KubeletConfiguration are abridged to what a lesson reads.
 */
import type { Cluster } from '../cluster';
import type { ConfigMap } from '../model/types';
import { CLUSTER_CA_PEM, rootCAConfigMap } from '../controllers/root-ca-publisher';
import type { ClusterConfig } from './cluster-config';
import { kubernetesVersionOf } from './versions';

export function corefile(domain: string): string {
  return `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${domain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${domain}
       disable denial ${domain}
    }
    loop
    reload
    loadbalance
}
`;
}

function kubeProxyConf(config: ClusterConfig): string {
  // The historic userspace mode runs on a simulated v1.25 cluster, whose kube-proxy still had it.
  const mode = config.proxyMode;
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${config.podSubnet.text}
configSyncPeriod: 0s
conntrack:
  maxPerCore: 0
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 1s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: ${mode}
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""`;
}

function kubeProxyKubeconfig(server: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: ${server}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`;
}

function kubeadmConfig(config: ClusterConfig, server: string): string {
  return `apiServer:
  certSANs:
  - localhost
  - 127.0.0.1
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: ${config.name}
controlPlaneEndpoint: ${server.replace('https://', '')}
controllerManager:
  extraArgs:
  - name: enable-hostpath-provisioner
    value: "true"
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${kubernetesVersionOf(config)}
networking:
  dnsDomain: ${config.clusterDomain}
  podSubnet: ${config.podSubnet.text}
  serviceSubnet: ${config.serviceSubnet.text}
proxy: {}
scheduler: {}
`;
}

function kubeletConfig(domain: string, dnsIP: string): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
cgroupRoot: /kubelet
clusterDNS:
- ${dnsIP}
clusterDomain: ${domain}
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionHard:
  imagefs.available: 0%
  nodefs.available: 0%
  nodefs.inodesFree: 0%
evictionPressureTransitionPeriod: 0s
failSwapOn: false
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageGCHighThresholdPercent: 100
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}

const LOCAL_PATH_CONFIG_JSON = `{
        "nodePathMap":[
        {
                "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",
                "paths":["/var/local-path-provisioner"]
        }
        ]
}`;
const LOCAL_PATH_HELPER_POD = `apiVersion: v1
kind: Pod
metadata:
  name: helper-pod
spec:
  priorityClassName: system-node-critical
  tolerations:
    - key: node.kubernetes.io/disk-pressure
      operator: Exists
      effect: NoSchedule
  containers:
  - name: helper-pod
    image: docker.io/kindest/local-path-helper:v20241212-8ac705d0
    imagePullPolicy: IfNotPresent`;
const LOCAL_PATH_SETUP = `#!/bin/sh
set -eu
mkdir -m 0777 -p "$VOL_DIR"`;
const LOCAL_PATH_TEARDOWN = `#!/bin/sh
set -eu
rm -rf "$VOL_DIR"`;

function kubeconfigFor(server: string): string {
  const ca = CLUSTER_CA_PEM.split('\n').slice(1, -2).join('');
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${ca}
    server: ${server}
  name: ""
contexts: null
current-context: ""
kind: Config
preferences: {}
users: null
`;
}

/** Creates the system ConfigMaps of a fresh kind cluster, made at `at` (before the clock starts). */
export function createSystemConfigMaps(cluster: Cluster, config: ClusterConfig, dnsIP: string, at: number): void {
  const controlPlane = config.nodes.find((n) => n.role === 'control-plane') ?? config.nodes[0]!;
  const server = `https://${config.name}-control-plane:6443`.replace(`${config.name}-control-plane`, controlPlane.name);
  const cm = (namespace: string, name: string, data: Record<string, string>, labels?: Record<string, string>, annotations?: Record<string, string>): ConfigMap => {
    const metadata = cluster.newMeta(name, namespace, { ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) });
    return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data };
  };
  const objects: ConfigMap[] = [
    ...cluster.store.list('Namespace').map((ns) => rootCAConfigMap(cluster, ns.metadata.name)),
    cm('kube-system', 'coredns', { Corefile: corefile(config.clusterDomain) }),
    cm('kube-system', 'kube-proxy', { 'config.conf': kubeProxyConf(config), 'kubeconfig.conf': kubeProxyKubeconfig(server) }, { app: 'kube-proxy' }),
    cm('kube-system', 'kubeadm-config', { ClusterConfiguration: kubeadmConfig(config, server) }),
    cm('kube-system', 'kubelet-config', { kubelet: kubeletConfig(config.clusterDomain, dnsIP) }),
    cm('kube-system', 'extension-apiserver-authentication', {
      'client-ca-file': CLUSTER_CA_PEM,
      'requestheader-allowed-names': '["front-proxy-client"]',
      'requestheader-client-ca-file': CLUSTER_CA_PEM,
      'requestheader-extra-headers-prefix': '["X-Remote-Extra-"]',
      'requestheader-group-headers': '["X-Remote-Group"]',
      'requestheader-username-headers': '["X-Remote-User"]',
    }),
    cm('kube-system', 'kube-apiserver-legacy-service-account-token-tracking', { since: '2026-01-01' }),
    cm('kube-public', 'cluster-info', { 'jws-kubeconfig-abcdef': 'eyJhbGciOiJIUzI1NiIsImtpZCI6ImFiY2RlZiJ9..sim-stand-in-signature', kubeconfig: kubeconfigFor(server) }),
    cm('local-path-storage', 'local-path-config', { 'config.json': LOCAL_PATH_CONFIG_JSON, 'helperPod.yaml': LOCAL_PATH_HELPER_POD, setup: LOCAL_PATH_SETUP, teardown: LOCAL_PATH_TEARDOWN }),
  ];
  for (const o of objects) cluster.create(o, at);
}
