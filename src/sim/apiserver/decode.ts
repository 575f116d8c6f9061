/**
 * Turns a manifest into a typed object with the API server's defaults, or
 * into the error kubectl prints when the document cannot even be decoded.
 * Defaults mirror k/k pkg/apis/core/v1/defaults.go and pkg/apis/apps/v1/defaults.go.
 */
import type { ConfigMap, Container, Deployment, EnvFromSource, EnvVar, Volume, VolumeMount, DeploymentStrategy, IntOrPercent, KubeObject, Pod, PodDNSConfig, PodSpec, Probe, ReplicaSet, ResourceRequirements, StatefulSet, Secret, Service, ServicePort } from '../model/types';
import { base64Decode, base64OfText } from '../model/base64';
import { own, setOwn } from '../model/own';
import { canonicalQuantity } from './quantity';
import { servedKind } from './discovery';

export type ApplyKind = 'Pod' | 'Service' | 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'Namespace' | 'Endpoints' | 'EndpointSlice' | 'ConfigMap' | 'Secret';

/** apiVersion -> kinds it serves, as discovery would tell kubectl. */
const SERVED: Record<string, ApplyKind[]> = {
  v1: ['Pod', 'Service', 'Namespace', 'Endpoints', 'ConfigMap', 'Secret'],
  'apps/v1': ['Deployment', 'ReplicaSet', 'StatefulSet'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
};

export type DecodeResult =
  | { ok: true; object: KubeObject }
  | { ok: false; message: string; field?: string };

class DecodeFailure extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

type Raw = Record<string, unknown>;

function asObject(v: unknown): Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {};
}

/**
 * The start of the API server's decoding errors: "Pod in version "v1" cannot be handled as a Pod".
 * The version without its group, apps/v1 included (apiserver handlers/rest.go transformDecodeError: gvk.Version).
 */
function cannotHandle(kind: string): string {
  return `${kind} in version "v1" cannot be handled as a ${kind}`;
}

export const INT32_MAX = 2147483647;
export const INT32_MIN = -2147483648;

/** A number as encoding/json writes a float64 (kubectl's YAML-to-JSON conversion): 1e+21, 1e-07, 1.5. */
export function goJsonNumber(v: number): string {
  return String(v).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** What encoding/json calls a JSON value it cannot store in an int32 (UnmarshalTypeError.Value). */
function int32Mismatch(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX ? undefined : `number ${goJsonNumber(v)}`;
  return typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : Array.isArray(v) ? 'array' : 'object';
}

/**
 * Reads an int32 field the way encoding/json would: a string, a fraction or a number past
 * int32 ("number 2147483648") cannot be unmarshalled (decode.go literalStore, OverflowInt).
 */
function int(v: unknown, goField: string, fieldPath: string, kind: string, dflt?: number): number {
  if (v === undefined || v === null) return dflt ?? 0;
  const mismatch = int32Mismatch(v);
  if (mismatch === undefined) return v as number;
  throw new DecodeFailure(`${cannotHandle(kind)}: json: cannot unmarshal ${mismatch} into Go struct field ${goField} of type int32`, fieldPath);
}

const PROBE_INTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

/**
 * A probe as written, its counts checked as encoding/json reads int32 fields; the defaults
 * (SetDefaults_Probe) are filled in when it is printed (pod-runtime.ts defaultedProbe).
 */
function decodeProbe(raw: unknown, name: string, i: number, kind: string, base: string): Probe {
  const p = { ...asObject(raw) } as Record<string, unknown>;
  const goBase = `Probe.${base.replace(/\[\d+\]/g, '')}.containers.${name}`;
  for (const f of PROBE_INTS) if (p[f] !== undefined && p[f] !== null) p[f] = int(p[f], `${goBase}.${f}`, `${base}.containers[${i}].${name}.${f}`, kind);
  return p as unknown as Probe;
}

/** requests and limits, every quantity parsed and stored canonical (quantity.ts). */
function decodeResources(raw: unknown, i: number, kind: string, base: string): ResourceRequirements {
  const r = asObject(raw);
  const out: ResourceRequirements = {};
  for (const key of ['limits', 'requests'] as const) {
    if (r[key] === undefined || r[key] === null) continue;
    const list: Record<string, string> = {};
    for (const [name, q] of Object.entries(asObject(r[key]))) {
      const parsed = canonicalQuantity(String(q));
      if ('error' in parsed) throw new DecodeFailure(`${cannotHandle(kind)}: ${parsed.error}`, `${base}.containers[${i}].resources.${key}.${name}`);
      setOwn(list, name, parsed.value);
    }
    if (Object.keys(list).length) out[key] = list;
  }
  return out;
}

/** `resources: {}` is what the API prints for none, so it decodes as none (a template read back keeps its hash). */
function resourcesOf(raw: unknown, i: number, kind: string, base: string): { resources?: ResourceRequirements } {
  if (raw === undefined || raw === null) return {};
  const r = decodeResources(raw, i, kind, base);
  return r.limits || r.requests ? { resources: r } : {};
}

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return String(v);
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asObject(v))) setOwn(out, k, String(val));
  return out;
}

export function checkKind(raw: Raw, source: string): { ok: true; kind: ApplyKind } | { ok: false; message: string; field: string } {
  const missing = [raw.apiVersion, raw.kind].every((v) => v === undefined || v === '');
  if (missing) {
    return { ok: false, field: 'apiVersion', message: `error: error validating "${source}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false` };
  }
  if (raw.apiVersion === undefined || raw.apiVersion === '') {
    return { ok: false, field: 'apiVersion', message: `error: error validating "${source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false` };
  }
  if (raw.kind === undefined || raw.kind === '') {
    return { ok: false, field: 'kind', message: `error: error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false` };
  }
  const apiVersion = String(raw.apiVersion);
  const kind = String(raw.kind);
  const served = own(SERVED, apiVersion);
  if (!served || !served.includes(kind as ApplyKind)) {
    const meta = asObject(raw.metadata);
    const builtIn = servedKind(apiVersion, kind);
    if (builtIn) {
      // A real cluster serves this kind (discovery.ts): no "ensure CRDs", which would mislead.
      const plural = builtIn.group ? `${builtIn.name}.${builtIn.group}` : builtIn.name;
      return { ok: false, field: 'kind', message: `error: this simulator does not model ${plural} (kind "${kind}" in version "${apiVersion}"), which a real cluster serves: "${str(meta.name) ?? ''}" from "${source}" was not created` };
    }
    return {
      ok: false,
      field: 'kind',
      message: `error: resource mapping not found for name: "${str(meta.name) ?? ''}" namespace: "${str(meta.namespace) ?? ''}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
    };
  }
  return { ok: true, kind: kind as ApplyKind };
}

function decodeMeta(raw: Raw, namespaced: boolean, now: number) {
  const meta = asObject(raw.metadata);
  return {
    name: str(meta.name) ?? '',
    namespace: namespaced ? (str(meta.namespace) ?? 'default') : undefined,
    generateName: str(meta.generateName),
    uid: '',
    resourceVersion: '',
    creationTimestamp: now,
    labels: stringMap(meta.labels),
    annotations: stringMap(meta.annotations),
  };
}

function decodeContainer(raw: unknown, i: number, kind: string, base: string): Container {
  const c = asObject(raw);
  const ports = Array.isArray(c.ports)
    ? c.ports.map((p, j) => {
        const po = asObject(p);
        return {
          ...(po.name !== undefined ? { name: String(po.name) } : {}),
          containerPort: int(po.containerPort, 'ContainerPort.spec.containers.ports.containerPort', `${base}.containers[${i}].ports[${j}].containerPort`, kind),
          protocol: (str(po.protocol) ?? 'TCP') as 'TCP',
        };
      })
    : undefined;
  const probe = (name: 'readinessProbe' | 'livenessProbe' | 'startupProbe') =>
    c[name] === undefined || c[name] === null ? {} : { [name]: decodeProbe(c[name], name, i, kind, base) };
  return {
    name: str(c.name) ?? '',
    image: str(c.image) ?? '',
    ...(Array.isArray(c.command) ? { command: c.command.map(String) } : {}),
    ...(Array.isArray(c.args) ? { args: c.args.map(String) } : {}),
    ...(ports ? { ports } : {}),
    ...probe('readinessProbe'),
    ...probe('livenessProbe'),
    ...probe('startupProbe'),
    ...resourcesOf(c.resources, i, kind, base),
    ...(c.stdin === true ? { stdin: true } : {}),
    ...(c.stdinOnce === true ? { stdinOnce: true } : {}),
    ...(c.tty === true ? { tty: true } : {}),
    ...(Array.isArray(c.env) ? { env: c.env.map(decodeEnvVar) } : {}),
    ...(Array.isArray(c.envFrom) ? { envFrom: c.envFrom.map((e) => plain(e) as EnvFromSource) } : {}),
    ...volumeMountsOf(c.volumeMounts),
  };
}

/** A JSON copy of a sub-object kept as written (env refs, envFrom, volumes, mounts). */
function plain(v: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(asObject(v))) as Record<string, unknown>;
}

/**
 * The ServiceAccount admission plugin's token volume and mount are added when the pod is
 * printed (serialize.ts); one read back from the API (kubectl apply's three-way merge,
 * patch) is that same addition, not the user's, and is left out.
 */
const SA_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';
const isTokenVolume = (v: Record<string, unknown>) => typeof v.name === 'string' && v.name.startsWith('kube-api-access-') && v.projected !== undefined;

function volumesOf(raw: unknown): { volumes?: Volume[] } {
  if (!Array.isArray(raw)) return {};
  // SetDefaults_ConfigMapVolumeSource / SetDefaults_SecretVolumeSource: defaultMode 0644 (420).
  const defaulted = (v: Record<string, unknown>) => {
    for (const k of ['configMap', 'secret']) if (v[k] && typeof v[k] === 'object') v[k] = { defaultMode: 420, ...(v[k] as object) };
    return v;
  };
  const volumes = raw.map(plain).filter((v) => !isTokenVolume(v)).map(defaulted) as unknown as Volume[];
  return volumes.length ? { volumes } : {};
}

function volumeMountsOf(raw: unknown): { volumeMounts?: VolumeMount[] } {
  if (!Array.isArray(raw)) return {};
  const mounts = raw.map(plain).filter((m) => !(m.mountPath === SA_MOUNT && typeof m.name === 'string' && m.name.startsWith('kube-api-access-'))) as unknown as VolumeMount[];
  return mounts.length ? { volumeMounts: mounts } : {};
}

function decodeEnvVar(raw: unknown): EnvVar {
  const e = asObject(raw);
  const valueFrom = e.valueFrom !== undefined && e.valueFrom !== null ? { valueFrom: plain(e.valueFrom) as EnvVar['valueFrom'] } : {};
  // SetDefaults_ObjectFieldSelector: apiVersion v1.
  const fieldRef = valueFrom.valueFrom?.fieldRef;
  if (fieldRef && typeof fieldRef === 'object' && !fieldRef.apiVersion) valueFrom.valueFrom!.fieldRef = { apiVersion: 'v1', ...fieldRef };
  return { name: String(e.name), ...(str(e.value) !== undefined ? { value: str(e.value) } : {}), ...valueFrom };
}

export function decodePodSpec(raw: unknown, kind: string, base: string): PodSpec {
  const s = asObject(raw);
  const containers = Array.isArray(s.containers) ? s.containers.map((c, i) => decodeContainer(c, i, kind, base)) : [];
  return {
    containers,
    ...volumesOf(s.volumes),
    ...(s.nodeName !== undefined ? { nodeName: String(s.nodeName) } : {}),
    ...(s.hostname !== undefined ? { hostname: String(s.hostname) } : {}),
    ...(s.subdomain !== undefined ? { subdomain: String(s.subdomain) } : {}),
    ...(s.hostNetwork === true ? { hostNetwork: true } : {}),
    dnsPolicy: (str(s.dnsPolicy) ?? 'ClusterFirst') as PodSpec['dnsPolicy'],
    ...(s.dnsConfig !== undefined && s.dnsConfig !== null ? { dnsConfig: decodeDnsConfig(s.dnsConfig) } : {}),
    restartPolicy: (str(s.restartPolicy) ?? 'Always') as PodSpec['restartPolicy'],
    enableServiceLinks: s.enableServiceLinks === false ? false : true,
    ...(s.nodeSelector !== undefined ? { nodeSelector: stringMap(s.nodeSelector) } : {}),
    ...(Array.isArray(s.tolerations) ? { tolerations: s.tolerations.map(decodeToleration) } : {}),
  };
}

/** core/v1 PodDNSConfig: the lists given, in order. */
function decodeDnsConfig(raw: unknown): PodDNSConfig {
  const c = asObject(raw);
  const strings = (v: unknown) => (Array.isArray(v) ? v.map((x) => String(x)) : undefined);
  const nameservers = strings(c.nameservers);
  const searches = strings(c.searches);
  const options = Array.isArray(c.options)
    ? c.options.map((o) => {
        const opt = asObject(o);
        return { name: str(opt.name) ?? '', ...(opt.value !== undefined && opt.value !== null ? { value: String(opt.value) } : {}) };
      })
    : undefined;
  return { ...(nameservers ? { nameservers } : {}), ...(searches ? { searches } : {}), ...(options ? { options } : {}) };
}

/** core/v1 Toleration: the fields given, in the API's order (key, operator, value, effect, tolerationSeconds). */
function decodeToleration(raw: unknown): NonNullable<PodSpec['tolerations']>[number] {
  const t = asObject(raw);
  return {
    ...(str(t.key) ? { key: str(t.key)! } : {}),
    ...(str(t.operator) ? { operator: str(t.operator)! } : {}),
    ...(str(t.value) ? { value: str(t.value)! } : {}),
    ...(str(t.effect) ? { effect: str(t.effect)! } : {}),
    ...(typeof t.tolerationSeconds === 'number' ? { tolerationSeconds: t.tolerationSeconds } : {}),
  };
}

function decodeServicePort(raw: unknown, i: number): ServicePort {
  const p = asObject(raw);
  const port = int(p.port, 'ServicePort.spec.ports.port', `spec.ports[${i}].port`, 'Service');
  const tp = p.targetPort;
  // IntOrString keeps the JSON type: `targetPort: "8080"` is a (badly formed) port name, not a number.
  if (typeof tp === 'number') int(tp, 'ServicePort.spec.ports.targetPort', `spec.ports[${i}].targetPort`, 'Service');
  const targetPort = tp === undefined || tp === null || tp === 0 || tp === '' ? port : typeof tp === 'number' ? tp : String(tp);
  const out: ServicePort = { protocol: (str(p.protocol) ?? 'TCP') as ServicePort['protocol'], port, targetPort };
  if (p.name !== undefined && p.name !== '') out.name = String(p.name);
  if (p.nodePort !== undefined && p.nodePort !== null && p.nodePort !== 0) out.nodePort = int(p.nodePort, 'ServicePort.spec.ports.nodePort', `spec.ports[${i}].nodePort`, 'Service');
  if (p.appProtocol !== undefined) out.appProtocol = String(p.appProtocol);
  return out;
}

function decodeService(raw: Raw, now: number): Service {
  const s = asObject(raw.spec);
  const type = (str(s.type) ?? 'ClusterIP') as Service['spec']['type'];
  const ports = Array.isArray(s.ports) ? s.ports.map(decodeServicePort) : [];
  const external = type === 'NodePort' || type === 'LoadBalancer';
  const affinity = (str(s.sessionAffinity) ?? 'None') as 'None' | 'ClientIP';
  const cfg = asObject(asObject(s.sessionAffinityConfig).clientIP);
  const clusterIP = str(s.clusterIP) ?? (Array.isArray(s.clusterIPs) ? str(s.clusterIPs[0]) : undefined);
  const spec: Service['spec'] = {
    type,
    ports,
    sessionAffinity: affinity,
    ...(s.selector !== undefined && s.selector !== null ? { selector: stringMap(s.selector) } : {}),
    ...(clusterIP ? { clusterIP } : {}),
    ...(s.externalName !== undefined ? { externalName: String(s.externalName) } : {}),
    ...(Array.isArray(s.externalIPs) ? { externalIPs: s.externalIPs.map(String) } : {}),
    ...(Array.isArray(s.loadBalancerSourceRanges) ? { loadBalancerSourceRanges: s.loadBalancerSourceRanges.map(String) } : {}),
    ...(s.loadBalancerIP !== undefined ? { loadBalancerIP: String(s.loadBalancerIP) } : {}),
    ...(s.publishNotReadyAddresses === true ? { publishNotReadyAddresses: true } : {}),
  };
  if (affinity === 'ClientIP') {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: int(cfg.timeoutSeconds, 'ClientIPConfig.spec.sessionAffinityConfig.clientIP.timeoutSeconds', 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', 'Service', 10800) } };
  }
  if (type !== 'ExternalName') {
    spec.internalTrafficPolicy = (str(s.internalTrafficPolicy) ?? 'Cluster') as 'Cluster';
    spec.ipFamilies = ['IPv4'];
    spec.ipFamilyPolicy = 'SingleStack';
  }
  // SetDefaults_Service: Cluster for every externally-accessible Service (ClusterIP with externalIPs included).
  const externallyAccessible = external || (type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0);
  if (externallyAccessible || s.externalTrafficPolicy !== undefined) spec.externalTrafficPolicy = (str(s.externalTrafficPolicy) ?? 'Cluster') as 'Cluster';
  if (type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts = s.allocateLoadBalancerNodePorts !== false;
  if (s.healthCheckNodePort !== undefined) spec.healthCheckNodePort = int(s.healthCheckNodePort, 'ServiceSpec.spec.healthCheckNodePort', 'spec.healthCheckNodePort', 'Service');
  return { apiVersion: 'v1', kind: 'Service', metadata: decodeMeta(raw, true, now), spec, status: { loadBalancer: {} } };
}

/** spec.strategy with SetDefaults_Deployment's defaults (pkg/apis/apps/v1/defaults.go): RollingUpdate, maxSurge and maxUnavailable 25%. */
function decodeStrategy(raw: unknown): DeploymentStrategy {
  const st = asObject(raw);
  if (st.type === 'Recreate') return { type: 'Recreate' };
  const ru = asObject(st.rollingUpdate);
  const intOrPercent = (v: unknown): IntOrPercent => (typeof v === 'number' || typeof v === 'string' ? v : '25%');
  return { type: 'RollingUpdate', rollingUpdate: { maxSurge: intOrPercent(ru.maxSurge), maxUnavailable: intOrPercent(ru.maxUnavailable) } };
}

function decodeDeployment(raw: Raw, now: number): Deployment {
  const s = asObject(raw.spec);
  const template = asObject(s.template);
  const selector = asObject(s.selector);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { ...decodeMeta(raw, true, now), generation: 1 },
    spec: {
      replicas: int(s.replicas, 'DeploymentSpec.spec.replicas', 'spec.replicas', 'Deployment', 1),
      selector: {
        ...(selector.matchLabels !== undefined ? { matchLabels: stringMap(selector.matchLabels) } : {}),
        ...(Array.isArray(selector.matchExpressions) ? { matchExpressions: selector.matchExpressions as never } : {}),
      },
      template: {
        metadata: { labels: stringMap(asObject(template.metadata).labels), annotations: stringMap(asObject(template.metadata).annotations) },
        spec: decodePodSpec(template.spec, 'Deployment', 'spec.template.spec'),
      },
      strategy: decodeStrategy(s.strategy),
    },
    status: { replicas: 0, readyReplicas: 0, updatedReplicas: 0, availableReplicas: 0 },
  };
}

/** A ReplicaSet made directly (pkg/apis/apps/v1/defaults.go SetDefaults_ReplicaSet: replicas 1). */
function decodeReplicaSet(raw: Raw, now: number): ReplicaSet {
  const d = decodeDeployment(raw, now);
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: d.metadata,
    spec: { replicas: int(asObject(raw.spec).replicas, 'ReplicaSetSpec.spec.replicas', 'spec.replicas', 'ReplicaSet', 1), selector: d.spec.selector, template: d.spec.template },
    status: { replicas: 0, readyReplicas: 0, availableReplicas: 0 },
  };
}

/**
 * A StatefulSet with SetDefaults_StatefulSet's defaults (pkg/apis/apps/v1/defaults.go): OrderedReady,
 * RollingUpdate with partition 0, revisionHistoryLimit 10, replicas 1, the Retain/Retain claim policy.
 */
function decodeStatefulSet(raw: Raw, now: number): StatefulSet {
  const d = decodeDeployment(raw, now);
  const s = asObject(raw.spec);
  const us = asObject(s.updateStrategy);
  const partition = asObject(us.rollingUpdate).partition;
  const policy = asObject(s.persistentVolumeClaimRetentionPolicy);
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: d.metadata,
    spec: {
      replicas: int(s.replicas, 'StatefulSetSpec.spec.replicas', 'spec.replicas', 'StatefulSet', 1),
      selector: d.spec.selector,
      template: d.spec.template,
      serviceName: str(s.serviceName) ?? '',
      podManagementPolicy: s.podManagementPolicy === 'Parallel' ? 'Parallel' : ((str(s.podManagementPolicy) ?? 'OrderedReady') as 'OrderedReady'),
      updateStrategy: us.type === 'OnDelete' ? { type: 'OnDelete' } : { type: 'RollingUpdate', rollingUpdate: { partition: typeof partition === 'number' ? partition : 0 } },
      revisionHistoryLimit: typeof s.revisionHistoryLimit === 'number' ? s.revisionHistoryLimit : 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: str(policy.whenDeleted) ?? 'Retain', whenScaled: str(policy.whenScaled) ?? 'Retain' },
      ...(typeof s.minReadySeconds === 'number' && s.minReadySeconds > 0 ? { minReadySeconds: s.minReadySeconds } : {}),
      ...(Array.isArray(s.volumeClaimTemplates) ? { volumeClaimTemplates: s.volumeClaimTemplates as Record<string, unknown>[] } : {}),
      ...(s.ordinals !== undefined ? { ordinals: { start: typeof asObject(s.ordinals).start === 'number' ? (asObject(s.ordinals).start as number) : 0 } } : {}),
    },
    status: { replicas: 0, readyReplicas: 0, currentReplicas: 0, updatedReplicas: 0, availableReplicas: 0, collisionCount: 0 },
  };
}

function decodePod(raw: Raw, now: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: decodeMeta(raw, true, now),
    spec: decodePodSpec(raw.spec, 'Pod', 'spec'),
    status: { phase: 'Pending', ready: false },
  };
}

/** A JSON type's name as encoding/json's UnmarshalTypeError gives it. */
function jsonTypeName(v: unknown): string {
  return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : Array.isArray(v) ? 'array' : v !== null && typeof v === 'object' ? 'object' : 'string';
}

/** A map[string]string field: every value must be a JSON string (null reads as ""). */
function strictStringMap(v: unknown, kind: string, goField: string, path: string): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new DecodeFailure(`${cannotHandle(kind)}: json: cannot unmarshal ${jsonTypeName(v)} into Go struct field ${kind}.${goField} of type map[string]string`, path);
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v as Raw)) {
    if (val !== null && typeof val !== 'string') throw new DecodeFailure(`${cannotHandle(kind)}: json: cannot unmarshal ${jsonTypeName(val)} into Go struct field ${kind}.${goField} of type string`, `${path}[${k}]`);
    setOwn(out, k, val ?? '');
  }
  return out;
}

function decodeConfigMap(raw: Raw, now: number): ConfigMap {
  const data = strictStringMap(raw.data, 'ConfigMap', 'data', 'data');
  const binaryData = strictStringMap(raw.binaryData, 'ConfigMap', 'binaryData', 'binaryData');
  for (const [k, v] of Object.entries(binaryData ?? {})) {
    const d = base64Decode(v);
    if (!d.ok) throw new DecodeFailure(`${cannotHandle('ConfigMap')}: illegal base64 data at input byte ${d.at}`, `binaryData[${k}]`);
  }
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: decodeMeta(raw, true, now),
    ...(data ? { data } : {}),
    ...(binaryData ? { binaryData } : {}),
    ...(typeof raw.immutable === 'boolean' ? { immutable: raw.immutable } : {}),
  };
}

/**
 * data is []byte per key: base64 that must decode (encoding/json's error otherwise); stringData
 * is folded into data, winning over it, and dropped (pkg/apis/core/v1/conversion.go
 * Convert_v1_Secret_To_core_Secret); type defaults to Opaque (SetDefaults_Secret).
 */
function decodeSecret(raw: Raw, now: number): Secret {
  const data = strictStringMap(raw.data, 'Secret', 'data', 'data');
  for (const [k, v] of Object.entries(data ?? {})) {
    const d = base64Decode(v);
    if (!d.ok) throw new DecodeFailure(`${cannotHandle('Secret')}: illegal base64 data at input byte ${d.at}`, `data[${k}]`);
  }
  const stringData = strictStringMap(raw.stringData, 'Secret', 'stringData', 'stringData');
  const merged: Record<string, string> | undefined = data || stringData ? { ...(data ?? {}) } : undefined;
  for (const [k, v] of Object.entries(stringData ?? {})) setOwn(merged!, k, base64OfText(v));
  const type = str(raw.type);
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: decodeMeta(raw, true, now),
    ...(merged ? { data: merged } : {}),
    type: type || 'Opaque',
    ...(typeof raw.immutable === 'boolean' ? { immutable: raw.immutable } : {}),
  };
}

/** Decodes one manifest whose kind checkKind accepted. */
export function decodeManifest(raw: Raw, kind: ApplyKind, now: number): DecodeResult {
  try {
    switch (kind) {
      case 'Service':
        return { ok: true, object: decodeService(raw, now) };
      case 'Deployment':
        return { ok: true, object: decodeDeployment(raw, now) };
      case 'ReplicaSet':
        return { ok: true, object: decodeReplicaSet(raw, now) };
      case 'StatefulSet':
        return { ok: true, object: decodeStatefulSet(raw, now) };
      case 'Pod':
        return { ok: true, object: decodePod(raw, now) };
      case 'ConfigMap':
        return { ok: true, object: decodeConfigMap(raw, now) };
      case 'Secret':
        return { ok: true, object: decodeSecret(raw, now) };
      case 'Namespace': {
        // SetDefaults_Namespace adds kubernetes.io/metadata.name.
        const metadata = decodeMeta(raw, false, now);
        if (metadata.name) metadata.labels = { ...(metadata.labels ?? {}), 'kubernetes.io/metadata.name': metadata.name };
        return { ok: true, object: { apiVersion: 'v1', kind: 'Namespace', metadata, status: { phase: 'Active' } } };
      }
      case 'Endpoints':
        return { ok: true, object: { apiVersion: 'v1', kind: 'Endpoints', metadata: decodeMeta(raw, true, now), subsets: (raw.subsets as never) ?? [] } };
      case 'EndpointSlice':
        return {
          ok: true,
          object: {
            apiVersion: 'discovery.k8s.io/v1',
            kind: 'EndpointSlice',
            metadata: decodeMeta(raw, true, now),
            addressType: (str(raw.addressType) ?? 'IPv4') as 'IPv4',
            endpoints: ((raw.endpoints as never[]) ?? []).map((e) => {
              const eo = asObject(e);
              const cond = asObject(eo.conditions);
              return {
                addresses: Array.isArray(eo.addresses) ? eo.addresses.map(String) : [],
                conditions: { ready: cond.ready !== false, ...(typeof cond.serving === 'boolean' ? { serving: cond.serving } : {}), ...(typeof cond.terminating === 'boolean' ? { terminating: cond.terminating } : {}) },
                ...(eo.nodeName !== undefined ? { nodeName: String(eo.nodeName) } : {}),
              };
            }),
            // SetDefaults_EndpointPort (pkg/apis/discovery/v1/defaults.go): name "" and protocol TCP when unset.
            ports: Array.isArray(raw.ports) ? raw.ports.map((p) => ({ name: '', protocol: 'TCP', ...asObject(p) }) as never) : null,
          },
        };
    }
  } catch (e) {
    if (e instanceof DecodeFailure) return { ok: false, message: e.message, field: e.field };
    throw e;
  }
}
