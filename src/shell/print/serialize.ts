/**
 * Our stored objects in the shape the API server returns them, for -o yaml
 * and -o json: timestamps as RFC 3339, server-set defaults filled in, the
 * simulator's own bookkeeping left out.
 */
import { simTimeToIso } from '../../sim/clock';
import { podTemplateHash } from '../../sim/controllers/hash';
import { schedulingFailure } from '../../sim/controllers/scheduler';
import { setOwn } from '../../sim/model/own';
import { maxUnavailable } from '../../sim/controllers/rollout-math';
import type { Container, Deployment, KubeObject, ObjectMeta, Pod, PodTemplate, Volume } from '../../sim/model/types';
import { stringify } from 'yaml';
import { apiAccessVolume, containerID, containerStatusesAt, defaultedProbe, hasContainerStatuses, imageID, normalizedImage, podContainerResources, qosClass } from './pod-runtime';
import type { ContainerState, Terminated } from '../../sim/kubelet/restarts';

const DEFAULT_TOLERATIONS = ['not-ready', 'unreachable'].map((k) => ({ effect: 'NoExecute', key: `node.kubernetes.io/${k}`, operator: 'Exists', tolerationSeconds: 300 }));

/** The projected token volume the ServiceAccount admission plugin adds (plugin/pkg/admission/serviceaccount/admission.go). */
function apiAccessProjectedVolume(pod: Pod): Json {
  return {
    name: apiAccessVolume(pod),
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

type Json = Record<string, unknown>;

/** SetDefaults_ConfigMapVolumeSource / SetDefaults_SecretVolumeSource: defaultMode 0644 (420). */
function defaultedVolume(v: Volume): Json {
  if (v.configMap) return { ...v, configMap: { defaultMode: 420, ...v.configMap } };
  if (v.secret) return { ...v, secret: { defaultMode: 420, ...v.secret } };
  return v;
}

function meta(m: ObjectMeta): Json {
  const out: Json = {};
  if (m.annotations && Object.keys(m.annotations).length) out.annotations = m.annotations;
  out.creationTimestamp = simTimeToIso(m.creationTimestamp);
  if (m.deletionGracePeriodSeconds !== undefined) out.deletionGracePeriodSeconds = m.deletionGracePeriodSeconds;
  if (m.deletionTimestamp !== undefined) out.deletionTimestamp = simTimeToIso(m.deletionTimestamp);
  if (m.generateName) out.generateName = m.generateName;
  if (m.generation !== undefined) out.generation = m.generation;
  if (m.labels && Object.keys(m.labels).length) out.labels = m.labels;
  out.name = m.name;
  if (m.namespace) out.namespace = m.namespace;
  if (m.ownerReferences?.length) out.ownerReferences = m.ownerReferences;
  out.resourceVersion = m.resourceVersion;
  out.uid = m.uid;
  return out;
}

function container(c: Container, pod?: Pod): Json {
  return {
    ...(c.args ? { args: c.args } : {}),
    ...(c.command ? { command: c.command } : {}),
    ...(c.env ? { env: c.env } : {}),
    ...(c.envFrom ? { envFrom: c.envFrom } : {}),
    image: c.image,
    imagePullPolicy: c.image.endsWith(':latest') || !c.image.includes(':') ? 'Always' : 'IfNotPresent',
    name: c.name,
    ...(c.ports ? { ports: c.ports } : {}),
    ...(c.livenessProbe ? { livenessProbe: defaultedProbe(c.livenessProbe) } : {}),
    ...(c.readinessProbe ? { readinessProbe: defaultedProbe(c.readinessProbe) } : {}),
    resources: pod ? podContainerResources(c) : (c.resources ?? {}),
    ...(c.startupProbe ? { startupProbe: defaultedProbe(c.startupProbe) } : {}),
    ...(c.stdin ? { stdin: true } : {}),
    ...(c.stdinOnce ? { stdinOnce: true } : {}),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...(c.tty ? { tty: true } : {}),
    // The ServiceAccount admission plugin mounts the token volume (plugin/pkg/admission/serviceaccount).
    ...(pod
      ? { volumeMounts: [...(c.volumeMounts ?? []), { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: apiAccessVolume(pod), readOnly: true }] }
      : c.volumeMounts
        ? { volumeMounts: c.volumeMounts }
        : {}),
  };
}

/** A container state as the API writes it (v1 ContainerState: running, waiting or terminated). */
function stateJson(state: ContainerState, id: string): Json {
  if ('running' in state) return { running: { startedAt: simTimeToIso(state.running.startedAt) } };
  if ('waiting' in state) return { waiting: { ...(state.waiting.message ? { message: state.waiting.message } : {}), reason: state.waiting.reason } };
  return { terminated: terminatedJson(state.terminated, id) };
}

function terminatedJson(t: Terminated, id: string): Json {
  return { containerID: id, exitCode: t.exitCode, finishedAt: simTimeToIso(t.finishedAt), reason: t.reason, startedAt: simTimeToIso(t.startedAt) };
}

function podStatus(pod: Pod, now: number): Json {
  const s = pod.status;
  const t = (x: number | undefined) => simTimeToIso(x ?? pod.metadata.creationTimestamp);
  const scheduled = !!pod.spec.nodeName;
  const failure = schedulingFailure(pod);
  // A pod no node took has only the scheduler's condition, once it has tried (schedule_one.go handleSchedulingFailure), none before.
  const unscheduled = failure ? [{ lastProbeTime: null, lastTransitionTime: t(failure.at), message: failure.message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' }] : [];
  const conditions = !scheduled ? unscheduled : [
    { lastProbeTime: null, lastTransitionTime: t(s.startTime), status: s.phase === 'Running' ? 'True' : 'False', type: 'PodReadyToStartContainers' },
    { lastProbeTime: null, lastTransitionTime: t(s.startTime), status: 'True', type: 'Initialized' },
    { lastProbeTime: null, lastTransitionTime: t(s.readyAt), status: s.ready ? 'True' : 'False', type: 'Ready' },
    { lastProbeTime: null, lastTransitionTime: t(s.readyAt), status: s.ready ? 'True' : 'False', type: 'ContainersReady' },
    { lastProbeTime: null, lastTransitionTime: t(pod.metadata.creationTimestamp), status: 'True', type: 'PodScheduled' },
  ];
  return {
    ...(conditions.length ? { conditions } : {}),
    ...(hasContainerStatuses(pod)
      ? {
          containerStatuses: containerStatusesAt(pod, now).map((st) => {
            const c = st.container;
            // The current container, or (waiting to restart) the one that last ran.
            const id = containerID(pod, c, st.restartCount, st.created);
            const lastID = st.lastState ? containerID(pod, c, st.restartCount - ('waiting' in st.state ? 0 : 1), true) : '';
            return {
              ...(st.created ? { containerID: id } : {}),
              image: st.created ? normalizedImage(c.image) : c.image,
              imageID: imageID(pod, c, st.created),
              lastState: st.lastState ? { terminated: terminatedJson(st.lastState, lastID) } : {},
              name: c.name,
              ready: st.ready,
              restartCount: st.restartCount,
              started: 'running' in st.state,
              state: stateJson(st.state, id),
            };
          }),
        }
      : {}),
    ...(s.hostIP ? { hostIP: s.hostIP, hostIPs: [{ ip: s.hostIP }] } : {}),
    phase: s.phase,
    ...(s.podIP ? { podIP: s.podIP, podIPs: [{ ip: s.podIP }] } : {}),
    qosClass: qosClass(pod),
    ...(s.startTime !== undefined ? { startTime: t(s.startTime) } : {}),
  };
}

/**
 * A pod template with what SetDefaults_PodSpec fills in (pkg/apis/core/v1/defaults.go); not
 * enableServiceLinks, which SetDefaults_Pod sets on pods only.
 */
function templateJson(t: PodTemplate): Json {
  return {
    metadata: { creationTimestamp: null, ...t.metadata },
    spec: {
      containers: t.spec.containers.map((c) => container(c)),
      ...(t.spec.dnsConfig ? { dnsConfig: t.spec.dnsConfig } : {}),
      dnsPolicy: t.spec.dnsPolicy ?? 'ClusterFirst',
      ...(t.spec.hostNetwork ? { hostNetwork: true } : {}),
      ...(t.spec.nodeSelector ? { nodeSelector: t.spec.nodeSelector } : {}),
      restartPolicy: t.spec.restartPolicy ?? 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      ...(t.spec.tolerations ? { tolerations: t.spec.tolerations } : {}),
      ...(t.spec.volumes ? { volumes: t.spec.volumes.map(defaultedVolume) } : {}),
    },
  };
}

/** Counts that are zero are left out (omitempty), as are the unavailable ones when none are. */
function nonZero(counts: Record<string, number>): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(counts)) if (v) out[k] = v;
  return out;
}

/**
 * A Deployment's status with the conditions the controller keeps (k/k pkg/controller/
 * deployment/sync.go syncRolloutStatus, progress.go): Available, then Progressing.
 */
function deploymentStatus(d: Deployment): Json {
  const s = d.status;
  const at = simTimeToIso(d.metadata.creationTimestamp);
  const complete = s.updatedReplicas === d.spec.replicas && s.replicas === d.spec.replicas && s.availableReplicas === d.spec.replicas;
  const available = s.availableReplicas >= d.spec.replicas - maxUnavailable(d);
  const rs = `${d.metadata.name}-${podTemplateHash(d.spec.template)}`;
  const conditions = [
    { lastTransitionTime: at, lastUpdateTime: at, message: available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.', reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', status: available ? 'True' : 'False', type: 'Available' },
    { lastTransitionTime: at, lastUpdateTime: at, message: complete ? `ReplicaSet "${rs}" has successfully progressed.` : `ReplicaSet "${rs}" is progressing.`, reason: complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', status: 'True', type: 'Progressing' },
  ];
  return {
    ...nonZero({ availableReplicas: s.availableReplicas }),
    conditions,
    observedGeneration: d.metadata.generation ?? 1,
    ...nonZero({ readyReplicas: s.readyReplicas, replicas: s.replicas, unavailableReplicas: s.unavailableReplicas ?? 0, updatedReplicas: s.updatedReplicas }),
  };
}

/** The object as the API would return it. */
export function toApiObject(obj: KubeObject, now = obj.metadata.creationTimestamp): Json {
  const base: Json = { apiVersion: obj.apiVersion, kind: obj.kind, metadata: meta(obj.metadata) };
  switch (obj.kind) {
    case 'Pod':
      return {
        ...base,
        spec: {
          containers: obj.spec.containers.map((c) => container(c, obj)),
          ...(obj.spec.dnsConfig ? { dnsConfig: obj.spec.dnsConfig } : {}),
          dnsPolicy: obj.spec.dnsPolicy ?? 'ClusterFirst',
          enableServiceLinks: obj.spec.enableServiceLinks !== false,
          ...(obj.spec.hostNetwork ? { hostNetwork: true } : {}),
          ...(obj.spec.hostname ? { hostname: obj.spec.hostname } : {}),
          ...(obj.spec.nodeName ? { nodeName: obj.spec.nodeName } : {}),
          preemptionPolicy: 'PreemptLowerPriority',
          priority: 0,
          restartPolicy: obj.spec.restartPolicy ?? 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          serviceAccount: 'default',
          serviceAccountName: 'default',
          ...(obj.spec.subdomain ? { subdomain: obj.spec.subdomain } : {}),
          terminationGracePeriodSeconds: 30,
          // DefaultTolerationSeconds admission adds these after the pod's own (plugin/pkg/admission/defaulttolerationseconds).
          tolerations: [...(obj.spec.tolerations ?? []), ...DEFAULT_TOLERATIONS],
          volumes: [...(obj.spec.volumes ?? []).map(defaultedVolume), apiAccessProjectedVolume(obj)],
        },
        status: podStatus(obj, now),
      };
    case 'Service': {
      // ports is omitempty: an ExternalName or port-less headless Service has no key at all.
      const { ports, ...rest } = obj.spec;
      return { ...base, spec: ports.length ? obj.spec : rest, status: obj.status };
    }
    case 'Deployment':
      return {
        ...base,
        spec: {
          progressDeadlineSeconds: 600,
          replicas: obj.spec.replicas,
          revisionHistoryLimit: 10,
          selector: obj.spec.selector,
          strategy: obj.spec.strategy ?? { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
          template: templateJson(obj.spec.template),
        },
        status: deploymentStatus(obj),
      };
    case 'ReplicaSet':
      return { ...base, spec: { replicas: obj.spec.replicas, selector: obj.spec.selector, template: templateJson(obj.spec.template) }, status: { ...obj.status, fullyLabeledReplicas: obj.status.replicas, observedGeneration: 1 } };
    case 'StatefulSet': {
      const s = obj.status;
      return {
        ...base,
        spec: {
          ...(obj.spec.minReadySeconds ? { minReadySeconds: obj.spec.minReadySeconds } : {}),
          ...(obj.spec.ordinals ? { ordinals: obj.spec.ordinals } : {}),
          persistentVolumeClaimRetentionPolicy: obj.spec.persistentVolumeClaimRetentionPolicy,
          podManagementPolicy: obj.spec.podManagementPolicy,
          replicas: obj.spec.replicas,
          revisionHistoryLimit: obj.spec.revisionHistoryLimit,
          selector: obj.spec.selector,
          serviceName: obj.spec.serviceName,
          template: templateJson(obj.spec.template),
          updateStrategy: obj.spec.updateStrategy,
          ...(obj.spec.volumeClaimTemplates ? { volumeClaimTemplates: obj.spec.volumeClaimTemplates } : {}),
        },
        // StatefulSetStatus: zero counts are omitted (omitempty), availableReplicas and collisionCount kept.
        status: {
          availableReplicas: s.availableReplicas,
          collisionCount: s.collisionCount,
          ...nonZero({ currentReplicas: s.currentReplicas }),
          ...(s.currentRevision ? { currentRevision: s.currentRevision } : {}),
          observedGeneration: s.observedGeneration ?? obj.metadata.generation ?? 1,
          ...nonZero({ readyReplicas: s.readyReplicas }),
          replicas: s.replicas,
          ...(s.updateRevision ? { updateRevision: s.updateRevision } : {}),
          ...nonZero({ updatedReplicas: s.updatedReplicas }),
        },
      };
    }
    case 'Endpoints':
      return { ...base, ...(obj.subsets && obj.subsets.length ? { subsets: obj.subsets } : {}) };
    case 'EndpointSlice':
      return { addressType: obj.addressType, apiVersion: obj.apiVersion, endpoints: obj.endpoints.length ? obj.endpoints : null, kind: obj.kind, metadata: base.metadata, ports: obj.ports };
    case 'Node':
      return { ...base, spec: obj.spec, status: { addresses: obj.status.addresses } };
    case 'Namespace':
      return { ...base, spec: { finalizers: ['kubernetes'] }, status: obj.status };
    case 'ConfigMap':
      return { ...base, ...(obj.data ? { data: obj.data } : {}), ...(obj.binaryData ? { binaryData: obj.binaryData } : {}), ...(obj.immutable !== undefined ? { immutable: obj.immutable } : {}) };
    case 'Secret':
      return { ...base, ...(obj.data ? { data: obj.data } : {}), ...(obj.immutable !== undefined ? { immutable: obj.immutable } : {}), type: obj.type };
  }
}

/**
 * YAML as kubectl prints it: keys sorted, sequences not indented under their
 * key, and strings a YAML 1.1 reader would take for something else quoted
 * (go-yaml v2 under sigs.k8s.io/yaml: creationTimestamp: "2026-01-01T00:00:00Z",
 * "yes", "on"), hence version 1.1.
 */
export function toYaml(value: unknown): string {
  // A value reached twice (a template's labels, two pods' shared args) is written out
  // twice: kubectl's printer goes through JSON, so it never writes anchors and aliases.
  return stringify(value, { version: '1.1', indentSeq: false, sortMapEntries: true, lineWidth: 0, nullStr: 'null', aliasDuplicateObjects: false });
}

/**
 * JSON as kubectl prints it: 4-space indent and every map's keys sorted (kubectl reads
 * objects as unstructured maps, and Go's encoder writes map keys in order).
 */
export function toJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) setOwn(out, key, sortKeys(v));
  }
  return out;
}
