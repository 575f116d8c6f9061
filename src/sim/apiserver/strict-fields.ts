/**
 * Strict field validation: kubectl apply asks the API server to reject
 * unknown fields (--validate=strict, the default since v1.27), which answers
 * `strict decoding error: unknown field "spec.selektor"`. The known fields
 * follow the v1 API types (k8s.io/api core/v1, apps/v1, discovery/v1).
 */

import { own } from '../model/own';

type Shape = { [field: string]: Shape | 'leaf' | 'map' | [Shape | 'leaf'] };

const leaf = 'leaf' as const;
const map = 'map' as const;
const leaves = (...names: string[]): Shape => Object.fromEntries(names.map((n) => [n, leaf]));

const META: Shape = {
  ...leaves('name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'ownerReferences', 'finalizers', 'managedFields'),
  labels: map,
  annotations: map,
};
const SELECTOR: Shape = { matchLabels: map, matchExpressions: [leaf] };
const PROBE: Shape = {
  ...leaves('initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds', 'grpc'),
  exec: leaves('command'),
  httpGet: leaves('path', 'port', 'host', 'scheme', 'httpHeaders'),
  tcpSocket: leaves('port', 'host'),
};
const CONTAINER: Shape = {
  ...leaves('name', 'image', 'command', 'args', 'workingDir', 'envFrom', 'resizePolicy', 'restartPolicy', 'volumeMounts', 'volumeDevices', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'),
  ports: [leaves('name', 'hostPort', 'containerPort', 'protocol', 'hostIP')],
  env: [leaves('name', 'value', 'valueFrom')],
  resources: { limits: map, requests: map, claims: [leaf] },
  livenessProbe: PROBE,
  readinessProbe: PROBE,
  startupProbe: PROBE,
};
const POD_SPEC: Shape = {
  ...leaves('volumes', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig', 'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints', 'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources'),
  nodeSelector: map,
  containers: [CONTAINER],
  initContainers: [CONTAINER],
};
const TEMPLATE: Shape = { metadata: META, spec: POD_SPEC };

const SHAPES: Record<string, Shape> = {
  Pod: { ...leaves('apiVersion', 'kind', 'status'), metadata: META, spec: POD_SPEC },
  Service: {
    ...leaves('apiVersion', 'kind', 'status'),
    metadata: META,
    spec: {
      ...leaves('clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution'),
      selector: map,
      ports: [leaves('name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort')],
      sessionAffinityConfig: { clientIP: leaves('timeoutSeconds') },
    },
  },
  Deployment: {
    ...leaves('apiVersion', 'kind', 'status'),
    metadata: META,
    spec: { ...leaves('replicas', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'), selector: SELECTOR, template: TEMPLATE },
  },
  ReplicaSet: {
    ...leaves('apiVersion', 'kind', 'status'),
    metadata: META,
    spec: { ...leaves('replicas', 'minReadySeconds'), selector: SELECTOR, template: TEMPLATE },
  },
  StatefulSet: {
    ...leaves('apiVersion', 'kind', 'status'),
    metadata: META,
    spec: {
      ...leaves('replicas', 'serviceName', 'podManagementPolicy', 'updateStrategy', 'revisionHistoryLimit', 'minReadySeconds', 'persistentVolumeClaimRetentionPolicy', 'ordinals', 'volumeClaimTemplates'),
      selector: SELECTOR,
      template: TEMPLATE,
    },
  },
  Namespace: { ...leaves('apiVersion', 'kind', 'spec', 'status'), metadata: META },
  ConfigMap: { ...leaves('apiVersion', 'kind', 'immutable'), metadata: META, data: map, binaryData: map },
  Secret: { ...leaves('apiVersion', 'kind', 'immutable', 'type'), metadata: META, data: map, stringData: map },
  Endpoints: { ...leaves('apiVersion', 'kind'), metadata: META, subsets: [leaves('addresses', 'notReadyAddresses', 'ports')] },
  EndpointSlice: { ...leaves('apiVersion', 'kind', 'addressType', 'ports'), metadata: META, endpoints: [leaves('addresses', 'conditions', 'hostname', 'targetRef', 'nodeName', 'zone', 'hints', 'deprecatedTopology')] },
};

function walk(value: unknown, shape: Shape, path: string, out: string[]): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  const obj = value as Record<string, unknown>;
  // kubectl's YAML-to-JSON conversion sorts keys, and the decoder reports them in that order.
  const keys = Object.keys(obj).sort();
  for (const key of keys) {
    const child = obj[key];
    const s = own(shape, key);
    const field = path ? `${path}.${key}` : key;
    if (s === undefined) out.push(field);
    else if (Array.isArray(s)) {
      if (Array.isArray(child) && s[0] !== leaf) child.forEach((item, i) => walk(item, s[0] as Shape, `${field}[${i}]`, out));
    } else if (s !== leaf && s !== map) walk(child, s, field, out);
  }
}

/** Whether every field is known: the common case, checked without building any path text. */
function allKnown(value: unknown, shape: Shape): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return true;
  const obj = value as Record<string, unknown>;
  for (const key in obj) {
    const s = own(shape, key);
    if (s === undefined) return false;
    const child = obj[key];
    if (Array.isArray(s)) {
      if (Array.isArray(child) && s[0] !== leaf) for (const item of child) if (!allKnown(item, s[0] as Shape)) return false;
    } else if (s !== leaf && s !== map && !allKnown(child, s)) return false;
  }
  return true;
}

/** The unknown fields of a manifest, as the API server names them, or [] when all are known. */
export function unknownFields(kind: string, raw: Record<string, unknown>): string[] {
  const shape = own(SHAPES, kind);
  if (!shape || allKnown(raw, shape)) return [];
  const out: string[] = [];
  walk(raw, shape, '', out);
  return out;
}

export function strictDecodingMessage(kind: string, fields: string[]): string {
  return `${kind} in version "v1" cannot be handled as a ${kind}: strict decoding error: ${fields.map((f) => `unknown field "${f}"`).join(', ')}`;
}
