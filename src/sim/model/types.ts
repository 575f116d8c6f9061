/**
 * Kubernetes objects as the API server stores them (the v1 JSON shape), so
 * that `-o yaml` and `-o json` can print them as they are.
 */

export type Labels = Record<string, string>;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  generateName?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  /** Simulation seconds; printed as RFC 3339 from the simulation epoch. */
  creationTimestamp: number;
  deletionTimestamp?: number;
  /** The grace period the deletion was given (metadata.deletionGracePeriodSeconds). */
  deletionGracePeriodSeconds?: number;
  labels?: Labels;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: Protocol;
}

/** As written; the API server's defaults (SetDefaults_Probe, SetDefaults_HTTPGetAction) are filled in when printed. */
export interface Probe {
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string; httpHeaders?: { name: string; value: string }[] };
  tcpSocket?: { port: number | string; host?: string };
  exec?: { command: string[] };
}

/** Requests and limits, each quantity in the canonical form the API server stores. */
export interface ResourceRequirements {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

/** configMapKeyRef / secretKeyRef (core/v1 ConfigMapKeySelector, SecretKeySelector). */
export interface KeyRef {
  name: string;
  key: string;
  optional?: boolean;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef; fieldRef?: { fieldPath: string; apiVersion?: string } };
}

/** envFrom: every key of a ConfigMap or Secret, with an optional prefix. */
export interface EnvFromSource {
  prefix?: string;
  configMapRef?: { name: string; optional?: boolean };
  secretRef?: { name: string; optional?: boolean };
}

export interface KeyToPath {
  key: string;
  path: string;
}

/** The volume sources the simulator acts on (configMap, secret); others are kept and mount as empty. */
export interface Volume {
  name: string;
  configMap?: { name: string; items?: KeyToPath[]; optional?: boolean; defaultMode?: number };
  secret?: { secretName: string; items?: KeyToPath[]; optional?: boolean; defaultMode?: number };
  emptyDir?: Record<string, unknown>;
  [other: string]: unknown;
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  readinessProbe?: Probe;
  /** Kept and printed; the kubelet does not act on it (no restarts in this simulator). */
  livenessProbe?: Probe;
  /** Kept and printed; the kubelet does not act on it. */
  startupProbe?: Probe;
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  volumeMounts?: VolumeMount[];
  /** kubectl run -i/-t: the main process keeps stdin (a shell then waits for input instead of exiting). */
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
  resources?: ResourceRequirements;
}

/** core/v1 PodDNSConfig: merged into what dnsPolicy gives (pkg/kubelet/network/dns/dns.go appendDNSConfig). */
export interface PodDNSConfig {
  nameservers?: string[];
  searches?: string[];
  options?: { name: string; value?: string }[];
}

export interface PodSpec {
  containers: Container[];
  volumes?: Volume[];
  nodeName?: string;
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
  dnsPolicy?: 'ClusterFirst' | 'Default' | 'None' | 'ClusterFirstWithHostNet';
  dnsConfig?: PodDNSConfig;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  enableServiceLinks?: boolean;
  nodeSelector?: Labels;
  tolerations?: { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }[];
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface PodStatus {
  phase: PodPhase;
  podIP?: string;
  hostIP?: string;
  startTime?: number;
  ready: boolean;
  /** Simulation time readiness last changed (the Ready condition's lastTransitionTime). */
  readyAt?: number;
  /**
   * Each container's variables from env and envFrom, resolved when the containers started
   * (configMapKeyRef, secretKeyRef and envFrom read then, never again), in container order.
   */
  containerEnv?: [string, string][][];
  /** The kubelet could not build a container's config (a ConfigMap or Secret missing): CreateContainerConfigError. */
  configErrors?: { container: string; message: string }[];
  /** Service environment variables computed when the containers started. */
  serviceEnv?: Record<string, string>;
  /** Simulation time when a deleted pod's containers have stopped and the object goes. */
  terminatesAt?: number;
  /** Files the containers made (touch/rm), which exec readiness probes look at. */
  files?: string[];
  /** Some container's main process ends or cannot start (kubelet/restarts.ts follows it); absent for servers. */
  lifecycle?: boolean;
  /**
   * A main process the terminal was attached to (kubectl run -it's shell) ended with `exit`:
   * the container's first run ends then, with that code (kubelet/restarts.ts).
   */
  attachedExit?: { container: string; at: number; exitCode: number };
  /** When a changed probe result takes effect (the next probe period, or after failureThreshold failures). */
  probeFlipAt?: number;
}

export interface Pod {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: ObjectMeta;
  spec: PodSpec;
  status: PodStatus;
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePort {
  name?: string;
  protocol: Protocol;
  port: number;
  targetPort: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export interface ServiceSpec {
  type: ServiceType;
  selector?: Labels;
  ports: ServicePort[];
  clusterIP?: string;
  clusterIPs?: string[];
  externalName?: string;
  externalIPs?: string[];
  sessionAffinity: 'None' | 'ClientIP';
  sessionAffinityConfig?: { clientIP: { timeoutSeconds: number } };
  externalTrafficPolicy?: 'Cluster' | 'Local';
  internalTrafficPolicy?: 'Cluster' | 'Local';
  healthCheckNodePort?: number;
  publishNotReadyAddresses?: boolean;
  loadBalancerIP?: string;
  loadBalancerSourceRanges?: string[];
  allocateLoadBalancerNodePorts?: boolean;
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
}

/** ipMode: SetDefaults_Service gives every ingress IP of a LoadBalancer Service VIP (GA in v1.32). */
export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  ipMode?: 'VIP' | 'Proxy';
}

export interface Service {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: ObjectMeta;
  spec: ServiceSpec;
  status: { loadBalancer: { ingress?: LoadBalancerIngress[] } };
}

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

export interface PodTemplate {
  metadata: { labels?: Labels; annotations?: Record<string, string> };
  spec: PodSpec;
}

export interface Deployment {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: ObjectMeta;
  spec: { replicas: number; selector: LabelSelector; template: PodTemplate; strategy?: DeploymentStrategy };
  status: { replicas: number; readyReplicas: number; updatedReplicas: number; availableReplicas: number; unavailableReplicas?: number };
}

/** An int or a percentage ("25%"), as intstr.IntOrString holds it. */
export type IntOrPercent = number | string;

/** spec.strategy, defaulted (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment: RollingUpdate, 25% and 25%). */
export type DeploymentStrategy = { type: 'Recreate' } | { type: 'RollingUpdate'; rollingUpdate: { maxSurge: IntOrPercent; maxUnavailable: IntOrPercent } };

export interface ReplicaSet {
  apiVersion: 'apps/v1';
  kind: 'ReplicaSet';
  metadata: ObjectMeta;
  spec: { replicas: number; selector: LabelSelector; template: PodTemplate };
  status: { replicas: number; readyReplicas: number; availableReplicas: number };
}

/** A StatefulSet (apps/v1), defaulted as pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet does. */
export interface StatefulSet {
  apiVersion: 'apps/v1';
  kind: 'StatefulSet';
  metadata: ObjectMeta;
  spec: {
    replicas: number;
    selector: LabelSelector;
    template: PodTemplate;
    serviceName: string;
    podManagementPolicy: 'OrderedReady' | 'Parallel';
    updateStrategy: { type: 'RollingUpdate'; rollingUpdate: { partition: number } } | { type: 'OnDelete' };
    revisionHistoryLimit: number;
    persistentVolumeClaimRetentionPolicy: { whenDeleted: string; whenScaled: string };
    /** Accepted and kept; no PersistentVolumeClaims are made from them (out of the simulator's scope). */
    volumeClaimTemplates?: Record<string, unknown>[];
    minReadySeconds?: number;
    /** The first ordinal (spec.ordinals.start, StatefulSetStartOrdinal, GA in v1.31). */
    ordinals?: { start: number };
  };
  status: {
    replicas: number;
    readyReplicas: number;
    currentReplicas: number;
    updatedReplicas: number;
    availableReplicas: number;
    currentRevision?: string;
    updateRevision?: string;
    observedGeneration?: number;
    collisionCount: number;
  };
}

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind: 'Pod'; name: string; namespace: string; uid: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: Protocol;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface Endpoints {
  apiVersion: 'v1';
  kind: 'Endpoints';
  metadata: ObjectMeta;
  subsets?: EndpointSubset[];
}

export interface SliceEndpoint {
  addresses: string[];
  /**
   * serving and terminating are left unset by writers that set only ready (the apiserver's own
   * kubernetes slice, the mirroring controller); readers take unset as kube-proxy does
   * (pkg/proxy/endpointslicecache.go): serving true, terminating false.
   */
  conditions: { ready: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef?: { kind: 'Pod'; name: string; namespace: string; uid: string };
}

export interface EndpointSlice {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  metadata: ObjectMeta;
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: SliceEndpoint[];
  ports: { name: string; port: number; protocol: Protocol }[] | null;
}

export interface Node {
  apiVersion: 'v1';
  kind: 'Node';
  metadata: ObjectMeta;
  spec: { podCIDR: string; podCIDRs: string[]; taints?: { key: string; effect: string }[] };
  status: { addresses: { type: 'InternalIP' | 'Hostname'; address: string }[]; ready: boolean };
}

export interface Namespace {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
  status: { phase: 'Active' | 'Terminating' };
}

/** core/v1 ConfigMap: data holds UTF-8 strings, binaryData base64 (k8s.io/api core/v1 types.go). */
export interface ConfigMap {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  metadata: ObjectMeta;
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  immutable?: boolean;
}

/**
 * core/v1 Secret as stored: data values base64 (the API server folds stringData into data on
 * write, pkg/apis/core/v1/conversion.go), type defaulted to Opaque (SetDefaults_Secret).
 */
export interface Secret {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: ObjectMeta;
  data?: Record<string, string>;
  type: string;
  immutable?: boolean;
}

export type KubeObject = Pod | Service | Deployment | ReplicaSet | StatefulSet | Endpoints | EndpointSlice | Node | Namespace | ConfigMap | Secret;
export type Kind = KubeObject['kind'];
