/**
 * The resources a kind cluster running Kubernetes v1.33 serves (its discovery documents, the
 * preferred version of each group, subresources left out), whether this simulator models them.
 * Names, short names, verbs and categories as kubernetes/kubernetes api/discovery/api__v1.json
 * and apis__GROUP__VERSION.json list them; the groups are the ones enabled by default in v1.33
 * (beta APIs such as resource.k8s.io/v1beta1 are off by default, so absent).
 */
export interface ServedResource {
  name: string;
  shortNames: string[];
  /** "" for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  categories: string[];
  /**
   * Where a fresh kind cluster holds objects of this resource the simulator does not model:
   * 'none' (nowhere: a list is truly empty), 'all' (everywhere, e.g. a ServiceAccount per namespace),
   * or the namespaces that hold some (cluster-scoped resources: 'all' or 'none'). Undefined when modelled.
   */
  unmodelled?: 'none' | 'all' | string[];
}

const FULL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE = ['create'];

function r(
  name: string,
  shortNames: string[],
  gv: string,
  namespaced: boolean,
  kind: string,
  unmodelled?: ServedResource['unmodelled'],
  verbs: string[] = FULL,
  categories: string[] = [],
): ServedResource {
  const slash = gv.indexOf('/');
  const group = slash >= 0 ? gv.slice(0, slash) : '';
  const version = slash >= 0 ? gv.slice(slash + 1) : gv;
  return { name, shortNames, group, version, namespaced, kind, verbs, categories, ...(unmodelled ? { unmodelled } : {}) };
}

const ALL = ['all'];
const EXT = ['api-extensions'];
const SYSTEM = ['kube-system'];

/** In the order discovery lists them (core first, then the groups by priority); api-resources sorts them itself. */
export const SERVED_RESOURCES: readonly ServedResource[] = [
  r('bindings', [], 'v1', true, 'Binding', 'none', CREATE),
  r('componentstatuses', ['cs'], 'v1', false, 'ComponentStatus', 'all', ['get', 'list']),
  r('configmaps', ['cm'], 'v1', true, 'ConfigMap'),
  r('endpoints', ['ep'], 'v1', true, 'Endpoints'),
  r('events', ['ev'], 'v1', true, 'Event'),
  r('limitranges', ['limits'], 'v1', true, 'LimitRange', 'none'),
  r('namespaces', ['ns'], 'v1', false, 'Namespace', undefined, ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
  r('nodes', ['no'], 'v1', false, 'Node'),
  r('persistentvolumeclaims', ['pvc'], 'v1', true, 'PersistentVolumeClaim', 'none'),
  r('persistentvolumes', ['pv'], 'v1', false, 'PersistentVolume', 'none'),
  r('pods', ['po'], 'v1', true, 'Pod', undefined, FULL, ALL),
  r('podtemplates', [], 'v1', true, 'PodTemplate', 'none'),
  r('replicationcontrollers', ['rc'], 'v1', true, 'ReplicationController', 'none', FULL, ALL),
  r('resourcequotas', ['quota'], 'v1', true, 'ResourceQuota', 'none'),
  r('secrets', [], 'v1', true, 'Secret'),
  r('serviceaccounts', ['sa'], 'v1', true, 'ServiceAccount', 'all'),
  r('services', ['svc'], 'v1', true, 'Service', undefined, FULL, ALL),
  r('mutatingwebhookconfigurations', [], 'admissionregistration.k8s.io/v1', false, 'MutatingWebhookConfiguration', 'none', FULL, EXT),
  r('validatingadmissionpolicies', [], 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicy', 'none', FULL, EXT),
  r('validatingadmissionpolicybindings', [], 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicyBinding', 'none', FULL, EXT),
  r('validatingwebhookconfigurations', [], 'admissionregistration.k8s.io/v1', false, 'ValidatingWebhookConfiguration', 'none', FULL, EXT),
  r('customresourcedefinitions', ['crd', 'crds'], 'apiextensions.k8s.io/v1', false, 'CustomResourceDefinition', 'none', FULL, EXT),
  r('apiservices', [], 'apiregistration.k8s.io/v1', false, 'APIService', 'all', FULL, EXT),
  r('controllerrevisions', [], 'apps/v1', true, 'ControllerRevision', SYSTEM),
  r('daemonsets', ['ds'], 'apps/v1', true, 'DaemonSet', SYSTEM, FULL, ALL),
  r('deployments', ['deploy'], 'apps/v1', true, 'Deployment', undefined, FULL, ALL),
  r('replicasets', ['rs'], 'apps/v1', true, 'ReplicaSet', undefined, FULL, ALL),
  r('statefulsets', ['sts'], 'apps/v1', true, 'StatefulSet', undefined, FULL, ALL),
  r('selfsubjectreviews', [], 'authentication.k8s.io/v1', false, 'SelfSubjectReview', 'none', CREATE),
  r('tokenreviews', [], 'authentication.k8s.io/v1', false, 'TokenReview', 'none', CREATE),
  r('localsubjectaccessreviews', [], 'authorization.k8s.io/v1', true, 'LocalSubjectAccessReview', 'none', CREATE),
  r('selfsubjectaccessreviews', [], 'authorization.k8s.io/v1', false, 'SelfSubjectAccessReview', 'none', CREATE),
  r('selfsubjectrulesreviews', [], 'authorization.k8s.io/v1', false, 'SelfSubjectRulesReview', 'none', CREATE),
  r('subjectaccessreviews', [], 'authorization.k8s.io/v1', false, 'SubjectAccessReview', 'none', CREATE),
  r('horizontalpodautoscalers', ['hpa'], 'autoscaling/v2', true, 'HorizontalPodAutoscaler', 'none', FULL, ALL),
  r('cronjobs', ['cj'], 'batch/v1', true, 'CronJob', 'none', FULL, ALL),
  r('jobs', [], 'batch/v1', true, 'Job', 'none', FULL, ALL),
  r('certificatesigningrequests', ['csr'], 'certificates.k8s.io/v1', false, 'CertificateSigningRequest', 'all'),
  r('leases', [], 'coordination.k8s.io/v1', true, 'Lease', ['kube-node-lease', 'kube-system']),
  r('endpointslices', [], 'discovery.k8s.io/v1', true, 'EndpointSlice'),
  r('events', ['ev'], 'events.k8s.io/v1', true, 'Event'),
  r('flowschemas', [], 'flowcontrol.apiserver.k8s.io/v1', false, 'FlowSchema', 'all'),
  r('prioritylevelconfigurations', [], 'flowcontrol.apiserver.k8s.io/v1', false, 'PriorityLevelConfiguration', 'all'),
  r('ingressclasses', [], 'networking.k8s.io/v1', false, 'IngressClass', 'none'),
  r('ingresses', ['ing'], 'networking.k8s.io/v1', true, 'Ingress', 'none'),
  r('ipaddresses', ['ip'], 'networking.k8s.io/v1', false, 'IPAddress', 'all'),
  r('networkpolicies', ['netpol'], 'networking.k8s.io/v1', true, 'NetworkPolicy', 'none'),
  r('servicecidrs', [], 'networking.k8s.io/v1', false, 'ServiceCIDR', 'all'),
  r('runtimeclasses', [], 'node.k8s.io/v1', false, 'RuntimeClass', 'none'),
  r('poddisruptionbudgets', ['pdb'], 'policy/v1', true, 'PodDisruptionBudget', 'none'),
  r('clusterrolebindings', [], 'rbac.authorization.k8s.io/v1', false, 'ClusterRoleBinding', 'all'),
  r('clusterroles', [], 'rbac.authorization.k8s.io/v1', false, 'ClusterRole', 'all'),
  r('rolebindings', [], 'rbac.authorization.k8s.io/v1', true, 'RoleBinding', ['kube-public', 'kube-system', 'local-path-storage']),
  r('roles', [], 'rbac.authorization.k8s.io/v1', true, 'Role', ['kube-public', 'kube-system']),
  r('priorityclasses', ['pc'], 'scheduling.k8s.io/v1', false, 'PriorityClass', 'all'),
  r('csidrivers', [], 'storage.k8s.io/v1', false, 'CSIDriver', 'none'),
  r('csinodes', [], 'storage.k8s.io/v1', false, 'CSINode', 'all'),
  r('csistoragecapacities', [], 'storage.k8s.io/v1', true, 'CSIStorageCapacity', 'none'),
  r('storageclasses', ['sc'], 'storage.k8s.io/v1', false, 'StorageClass', 'all'),
  r('volumeattachments', [], 'storage.k8s.io/v1', false, 'VolumeAttachment', 'none'),
];

/** "apps/v1" for a served resource, "v1" for the core group. */
export function groupVersionOf(res: ServedResource): string {
  return res.group ? `${res.group}/${res.version}` : res.version;
}

/**
 * The served resource a kubectl TYPE names (plural, singular = the kind lower-cased, short name,
 * or any of those qualified "NAME.GROUP" / "NAME.VERSION.GROUP"), as the RESTMapper resolves it:
 * the core group wins over events.k8s.io for "events".
 */
export function servedResourceFor(type: string): ServedResource | undefined {
  const t = type.toLowerCase();
  for (const res of SERVED_RESOURCES) {
    const names = [res.name, res.kind.toLowerCase(), ...res.shortNames];
    const qualified = res.group ? names.flatMap((n) => [`${n}.${res.group}`, `${n}.${res.version}.${res.group}`]) : [];
    if (names.includes(t) || qualified.includes(t)) return res;
  }
  return undefined;
}

/** The served resource for a manifest's apiVersion and kind, when the API serves that kind at that version. */
export function servedKind(apiVersion: string, kind: string): ServedResource | undefined {
  return SERVED_RESOURCES.find((res) => groupVersionOf(res) === apiVersion && res.kind === kind);
}

/** Whether a fresh kind cluster holds objects of an unmodelled resource in `namespace` (undefined: any namespace). */
export function holdsObjects(res: ServedResource, namespace: string | undefined): boolean {
  const u = res.unmodelled;
  if (u === undefined || u === 'none') return false;
  if (u === 'all' || namespace === undefined || !res.namespaced) return true;
  return u.includes(namespace);
}
