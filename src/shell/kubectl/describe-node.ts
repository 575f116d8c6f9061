/**
 * describe layouts for Nodes and EndpointSlices (staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * describeNode, describeNodeLease, describeNodeResource, describeEndpointSliceV1).
 */
import type { ObjectStore } from '../../sim/model/store';
import type { EndpointSlice, Node, Pod } from '../../sim/model/types';
import { KUBERNETES_VERSION } from '../../sim/scenario/bootstrap';
import { sha256, toHex, utf8Bytes } from '../../sim/proxy/hash';
import { humanDuration } from '../print/age';
import { describeTime } from '../print/dates';
import { formatBytes, formatCpu, parseQuantity } from '../print/quantity';
import { NODE_KERNEL, NODE_OS_IMAGE, NODE_RUNTIME } from '../print/rows';
import { annotationLines, mapLines } from './describe';

/** What a kind node's kubelet reports (a 8-core, 32 GB host, as kind nodes share it). */
export const NODE_CAPACITY: [string, string][] = [
  ['cpu', '8'],
  ['ephemeral-storage', '101430960Ki'],
  ['hugepages-1Gi', '0'],
  ['hugepages-2Mi', '0'],
  ['memory', '32865800Ki'],
  ['pods', '110'],
];

/** The annotations the kubelet and the attach-detach controller put on a kind node. */
export const NODE_ANNOTATIONS = { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' };

const hex = (s: string) => toHex(sha256(utf8Bytes(s)));
const uuid = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;

/** The node's conditions as the kubelet sets them: the pressures since it joined, Ready 12s later (scenario/node-events.ts). */
function conditionLines(node: Node, now: number): string[] {
  const joined = node.metadata.creationTimestamp;
  const readyAt = joined + 12;
  // The kubelet posts its status every 5 minutes when nothing changed (nodeStatusReportFrequency).
  const heartbeat = readyAt + Math.max(0, Math.floor((now - readyAt) / 300)) * 300;
  const rows: [string, string, number, string, string][] = [
    ['MemoryPressure', 'False', joined, 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['DiskPressure', 'False', joined, 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'False', joined, 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    node.status.ready ? ['Ready', 'True', readyAt, 'KubeletReady', 'kubelet is posting ready status'] : ['Ready', 'Unknown', now, 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
  ];
  return [
    'Conditions:',
    '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage',
    '  ----\t------\t-----------------\t------------------\t------\t-------',
    ...rows.map(([type, status, since, reason, message]) => `  ${type} \t${status} \t${describeTime(heartbeat)} \t${describeTime(since)} \t${reason} \t${message}`),
  ];
}

interface Totals {
  cpuReq: number;
  cpuLim: number;
  memReq: number;
  memLim: number;
}

function podTotals(pod: Pod): Totals {
  const t = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const c of pod.spec.containers) {
    const r = c.resources ?? {};
    t.cpuReq += parseQuantity(r.requests?.cpu ?? r.limits?.cpu ?? '0');
    t.cpuLim += parseQuantity(r.limits?.cpu ?? '0');
    t.memReq += parseQuantity(r.requests?.memory ?? r.limits?.memory ?? '0');
    t.memLim += parseQuantity(r.limits?.memory ?? '0');
  }
  return t;
}

export function describeNode(node: Node, store: ObjectStore, events: string[], now: number): string[] {
  const name = node.metadata.name;
  const roles = Object.keys(node.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice('node-role.kubernetes.io/'.length));
  const taints = node.spec.taints ?? [];
  const lease = node.metadata.creationTimestamp + Math.floor((now - node.metadata.creationTimestamp) / 10) * 10;
  const lines = [
    `Name:\t${name}`,
    `Roles:\t${roles.length ? roles.join(',') : '<none>'}`,
    ...mapLines('Labels', node.metadata.labels),
    ...annotationLines(node, NODE_ANNOTATIONS),
    `CreationTimestamp:\t${describeTime(node.metadata.creationTimestamp)}`,
    ...(taints.length ? taints.map((t, i) => `${i === 0 ? 'Taints:' : ''}\t${t.key}:${t.effect}`) : ['Taints:\t<none>']),
    'Unschedulable:\tfalse',
    'Lease:',
    `  HolderIdentity:\t${name}`,
    '  AcquireTime:\t<unset>',
    `  RenewTime:\t${describeTime(lease)}`,
    ...conditionLines(node, now),
    'Addresses:',
    ...node.status.addresses.map((a) => `  ${a.type}:\t${a.address}`),
  ];
  for (const heading of ['Capacity', 'Allocatable']) lines.push(`${heading}:`, ...NODE_CAPACITY.map(([k, v]) => `  ${k}:\t${v}`));
  const machine = hex(`machine/${name}`);
  lines.push(
    'System Info:',
    `  Machine ID:\t${machine.slice(0, 32)}`,
    `  System UUID:\t${uuid(hex(`system/${name}`))}`,
    // kind's nodes are containers on one host: they share its kernel and boot ID.
    `  Boot ID:\t${uuid(hex('boot'))}`,
    `  Kernel Version:\t${NODE_KERNEL}`,
    `  OS Image:\t${NODE_OS_IMAGE}`,
    '  Operating System:\tlinux',
    '  Architecture:\tamd64',
    `  Container Runtime Version:\t${NODE_RUNTIME}`,
    `  Kubelet Version:\t${KUBERNETES_VERSION}`,
    // kubelets stopped reporting it (DisableNodeKubeProxyVersion); kubectl v1.33 still prints the line.
    '  Kube-Proxy Version:\t',
    `PodCIDR:\t${node.spec.podCIDR}`,
    `PodCIDRs:\t${node.spec.podCIDRs.join(',')}`,
    `ProviderID:\tkind://docker/kind/${name}`,
  );
  const pods = store
    .list('Pod')
    .filter((p) => p.spec.nodeName === name && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')
    .sort((a, b) => (a.metadata.namespace! < b.metadata.namespace! ? -1 : a.metadata.namespace! > b.metadata.namespace! ? 1 : a.metadata.name < b.metadata.name ? -1 : 1));
  const cpu = parseQuantity('8');
  const mem = parseQuantity('32865800Ki');
  const pct = (v: number, of: number) => Math.trunc((v / of) * 100);
  lines.push(`Non-terminated Pods:\t(${pods.length} in total)`, '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge', '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---');
  const sum: Totals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const p of pods) {
    const t = podTotals(p);
    sum.cpuReq += t.cpuReq;
    sum.cpuLim += t.cpuLim;
    sum.memReq += t.memReq;
    sum.memLim += t.memLim;
    lines.push(`  ${p.metadata.namespace}\t${p.metadata.name}\t\t${formatCpu(t.cpuReq)} (${pct(t.cpuReq, cpu)}%)\t${formatCpu(t.cpuLim)} (${pct(t.cpuLim, cpu)}%)\t${formatBytes(t.memReq)} (${pct(t.memReq, mem)}%)\t${formatBytes(t.memLim)} (${pct(t.memLim, mem)}%)\t${humanDuration(now - p.metadata.creationTimestamp)}`);
  }
  lines.push(
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    '  Resource\tRequests\tLimits',
    '  --------\t--------\t------',
    `  cpu\t${formatCpu(sum.cpuReq)} (${pct(sum.cpuReq, cpu)}%)\t${formatCpu(sum.cpuLim)} (${pct(sum.cpuLim, cpu)}%)`,
    `  memory\t${formatBytes(sum.memReq)} (${pct(sum.memReq, mem)}%)\t${formatBytes(sum.memLim)} (${pct(sum.memLim, mem)}%)`,
    '  ephemeral-storage\t0 (0%)\t0 (0%)',
    '  hugepages-1Gi\t0 (0%)\t0 (0%)',
    '  hugepages-2Mi\t0 (0%)\t0 (0%)',
    ...events,
  );
  return lines;
}

export function describeEndpointSlice(eps: EndpointSlice, events: string[]): string[] {
  const lines = [`Name:\t${eps.metadata.name}`, `Namespace:\t${eps.metadata.namespace}`, ...mapLines('Labels', eps.metadata.labels), ...annotationLines(eps), `AddressType:\t${eps.addressType}`];
  const ports = eps.ports ?? [];
  if (ports.length === 0) lines.push('Ports: <unset>');
  else lines.push('Ports:', '  Name\tPort\tProtocol', '  ----\t----\t--------', ...ports.map((p) => `  ${p.name || '<unset>'}\t${p.port}\t${p.protocol}`));
  if (eps.endpoints.length === 0) lines.push('Endpoints: <none>');
  else {
    lines.push('Endpoints:');
    for (const e of eps.endpoints) {
      lines.push(`  - Addresses:\t${e.addresses.join(', ') || '<none>'}`, '    Conditions:', `      Ready:\t${e.conditions.ready}`, `    Hostname:\t${e.hostname ?? '<unset>'}`);
      if (e.targetRef) lines.push(`    TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}`);
      lines.push(`    NodeName:\t${e.nodeName ?? '<unset>'}`, `    Zone:\t${e.zone ?? '<unset>'}`);
    }
  }
  lines.push(...events);
  return lines;
}
