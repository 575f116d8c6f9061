/**
 * The table columns `kubectl get` prints for each kind, plain and wide.
 * Mirrors k/k pkg/printers/internalversion/printers.go (printPod, printService,
 * printEndpoints, printEndpointSlice, printDeployment, printReplicaSet,
 * printNode, printNamespace, printConfigMap, printSecret).
 */
import { formatLabels } from '../../sim/model/labels';
import type { Deployment, Endpoints, EndpointSlice, Kind, KubeObject, Namespace, Node, Pod, ReplicaSet, Service } from '../../sim/model/types';
import { humanDuration } from './age';
import { containerStatusesAt } from './pod-runtime';
import { KUBERNETES_VERSION } from '../../sim/scenario/bootstrap';

export const NODE_OS_IMAGE = 'Debian GNU/Linux 12 (bookworm)';
export const NODE_KERNEL = '6.8.0-1021-gcp';
export const NODE_RUNTIME = 'containerd://2.1.1';

const HEADERS: Record<Kind, { plain: string[]; wide: string[] }> = {
  Pod: { plain: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] },
  Service: { plain: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], wide: ['SELECTOR'] },
  Endpoints: { plain: ['NAME', 'ENDPOINTS', 'AGE'], wide: [] },
  EndpointSlice: { plain: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'], wide: [] },
  Deployment: { plain: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'] },
  ReplicaSet: { plain: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'] },
  // printStatefulSet: wide adds the containers and images only.
  StatefulSet: { plain: ['NAME', 'READY', 'AGE'], wide: ['CONTAINERS', 'IMAGES'] },
  Node: { plain: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] },
  Namespace: { plain: ['NAME', 'STATUS', 'AGE'], wide: [] },
  ConfigMap: { plain: ['NAME', 'DATA', 'AGE'], wide: [] },
  Secret: { plain: ['NAME', 'TYPE', 'DATA', 'AGE'], wide: [] },
};

export function headersFor(kind: Kind, wide: boolean): string[] {
  const h = HEADERS[kind];
  return wide ? [...h.plain, ...h.wide] : h.plain;
}

/** "a, b, c + 2 more..." style truncation kubectl uses for lists in a cell. */
export function capList(items: string[], max = 3): string {
  if (items.length <= max) return items.join(',');
  return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
}

/**
 * READY, STATUS and RESTARTS as printPod reads them from the container statuses: the last
 * container with a waiting or terminated reason names the status; restarts add up, with
 * how long ago the latest last-terminated container finished.
 */
export function podColumns(pod: Pod, now: number): { ready: string; status: string; restarts: string } {
  const total = pod.spec.containers.length;
  if (!pod.status.lifecycle) {
    const ready = `${pod.status.ready ? total : 0}/${total}`;
    if (pod.metadata.deletionTimestamp !== undefined) return { ready, status: 'Terminating', restarts: '0' };
    if (pod.status.configErrors) return { ready, status: 'CreateContainerConfigError', restarts: '0' };
    if (pod.status.phase === 'Pending') return { ready, status: pod.spec.nodeName ? 'ContainerCreating' : 'Pending', restarts: '0' };
    return { ready, status: pod.status.phase, restarts: '0' };
  }
  let reason: string = pod.status.phase;
  let restarts = 0;
  let readyCount = 0;
  let lastFinished: number | undefined;
  let hasRunning = false;
  const statuses = containerStatusesAt(pod, now);
  for (let i = statuses.length - 1; i >= 0; i--) {
    const s = statuses[i]!;
    restarts += s.restartCount;
    if (s.lastState && (lastFinished === undefined || s.lastState.finishedAt > lastFinished)) lastFinished = s.lastState.finishedAt;
    if ('waiting' in s.state && s.state.waiting.reason) reason = s.state.waiting.reason;
    else if ('terminated' in s.state) reason = s.state.terminated.reason;
    else if (s.ready && 'running' in s.state) {
      hasRunning = true;
      readyCount++;
    }
  }
  if (reason === 'Completed' && hasRunning) reason = pod.status.ready ? 'Running' : 'NotReady';
  if (pod.metadata.deletionTimestamp !== undefined) reason = 'Terminating';
  const restartText = restarts !== 0 && lastFinished !== undefined ? `${restarts} (${humanDuration(now - lastFinished)} ago)` : String(restarts);
  return { ready: `${readyCount}/${total}`, status: reason, restarts: restartText };
}

/** The STATUS column (printPod's reason). */
export function podStatus(pod: Pod, now: number): string {
  return podColumns(pod, now).status;
}

export function servicePorts(svc: Service): string {
  if (svc.spec.ports.length === 0) return '<none>';
  return svc.spec.ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

export function serviceExternalIP(svc: Service, wide: boolean): string {
  const ext = svc.spec.externalIPs ?? [];
  switch (svc.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>';
    case 'ExternalName':
      return svc.spec.externalName ?? '<none>';
    case 'LoadBalancer': {
      // loadBalancerStatusStringer: the sorted ingress list alone is cut to 16 characters; externalIPs follow uncut.
      const ingress = [...new Set((svc.status.loadBalancer.ingress ?? []).map((i) => i.ip ?? i.hostname ?? ''))].sort().join(',');
      const lb = !wide && ingress.length > 16 ? `${ingress.slice(0, 13)}...` : ingress;
      const all = [...(lb ? [lb] : []), ...ext];
      return all.length === 0 ? '<pending>' : all.join(',');
    }
  }
}

export function endpointsCell(ep: Endpoints): string {
  const items: string[] = [];
  for (const s of ep.subsets ?? []) {
    const addrs = s.addresses ?? [];
    if (!s.ports?.length) for (const a of addrs) items.push(a.ip);
    else for (const p of s.ports) for (const a of addrs) items.push(`${a.ip}:${p.port}`);
  }
  // formatEndpoints: <none> only without subsets; subsets holding only not-ready addresses print an empty cell.
  if (!ep.subsets?.length) return '<none>';
  return capList(items);
}

function sliceCell(items: string[]): string {
  return items.length === 0 ? '<unset>' : capList(items);
}

function containersOf(template: { spec: { containers: { name: string; image: string }[] } }): [string, string] {
  return [template.spec.containers.map((c) => c.name).join(','), template.spec.containers.map((c) => c.image).join(',')];
}

export function rowFor(obj: KubeObject, now: number, wide: boolean): string[] {
  const age = humanDuration(now - obj.metadata.creationTimestamp);
  const name = obj.metadata.name;
  switch (obj.kind) {
    case 'Pod': {
      const cols = podColumns(obj, now);
      const row = [name, cols.ready, cols.status, cols.restarts, age];
      return wide ? [...row, obj.status.podIP ?? '<none>', obj.spec.nodeName ?? '<none>', '<none>', '<none>'] : row;
    }
    case 'Service': {
      const row = [name, obj.spec.type, obj.spec.clusterIP ?? '<none>', serviceExternalIP(obj, wide), servicePorts(obj), age];
      return wide ? [...row, obj.spec.selector && Object.keys(obj.spec.selector).length ? formatLabels(obj.spec.selector) : '<none>'] : row;
    }
    case 'Endpoints':
      return [name, endpointsCell(obj), age];
    case 'EndpointSlice':
      return sliceRow(obj, age);
    case 'Deployment':
      return workloadRow(obj, [name, `${obj.status.readyReplicas}/${obj.spec.replicas}`, String(obj.status.updatedReplicas), String(obj.status.availableReplicas), age], wide);
    case 'ReplicaSet':
      return workloadRow(obj, [name, String(obj.spec.replicas), String(obj.status.replicas), String(obj.status.readyReplicas), age], wide);
    case 'StatefulSet': {
      const row = [name, `${obj.status.readyReplicas}/${obj.spec.replicas}`, age];
      return wide ? [...row, ...containersOf(obj.spec.template)] : row;
    }
    case 'Node':
      return nodeRow(obj, age, wide);
    case 'Namespace':
      return [name, (obj as Namespace).status.phase, age];
    // printConfigMap: len(Data)+len(BinaryData); printSecret: Type, len(Data).
    case 'ConfigMap':
      return [name, String(Object.keys(obj.data ?? {}).length + Object.keys(obj.binaryData ?? {}).length), age];
    case 'Secret':
      return [name, obj.type, String(Object.keys(obj.data ?? {}).length), age];
  }
}

function sliceRow(s: EndpointSlice, age: string): string[] {
  const ports = (s.ports ?? []).map((p) => String(p.port));
  const addrs = s.endpoints.flatMap((e) => e.addresses);
  return [s.metadata.name, s.addressType, sliceCell(ports), sliceCell(addrs), age];
}

function workloadRow(obj: Deployment | ReplicaSet, row: string[], wide: boolean): string[] {
  if (!wide) return row;
  const [names, images] = containersOf(obj.spec.template);
  return [...row, names, images, formatLabels(obj.spec.selector.matchLabels) || '<none>'];
}

function nodeRow(n: Node, age: string, wide: boolean): string[] {
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  const row = [n.metadata.name, n.status.ready ? 'Ready' : 'NotReady', roles.length ? roles.join(',') : '<none>', age, KUBERNETES_VERSION];
  if (!wide) return row;
  const ip = n.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '<none>';
  return [...row, ip, '<none>', NODE_OS_IMAGE, NODE_KERNEL, NODE_RUNTIME];
}
