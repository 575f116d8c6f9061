/**
 * What a step's goals look at besides the cluster itself: the requests sent
 * and the commands run since the step began, and the cluster as it was then.
 * Recorded by the session as things happen; plain data.
 */
import type { Pod } from '../sim/model/types';
import type { RequestResult } from '../sim/net/request-types';
import type { Simulation } from '../sim/simulation';
import { requestIndex } from '../sim/net/request-index';

export type HostKind = 'pod-ip' | 'cluster-ip' | 'node-ip' | 'lb-ip' | 'external-ip' | 'name';

export interface RequestRecord {
  /** "NS/NAME" of the client pod, or "workstation". */
  from: string;
  host: string;
  port: number;
  path: string;
  hostKind: HostKind;
  ok: boolean;
  failure?: string;
  /** The answering pod. */
  servedBy?: { namespace: string; name: string; uid: string; labels: Record<string, string> };
  /** "NS/NAME" of every Service whose rules the packet met. */
  services: string[];
  /** The node whose rules took the packet first. */
  entryNode?: string;
  /** The NodePort the packet arrived on, when it came to a node's address. */
  nodePort?: number;
  /** The source address the answering pod saw, and whether it was the client's own. */
  sourceSeen?: 'client' | 'node';
}

export interface CommandRecord {
  line: string;
  output: string;
  exitCode: number;
}

export interface PodAtStart {
  uid: string;
  namespace: string;
  name: string;
  ip: string | null;
  labels: Record<string, string>;
}

/** The cluster when the step began: what "new" and "gone" are measured against. */
export interface StepStart {
  time: number;
  pods: PodAtStart[];
}

export function stepStartOf(sim: Simulation): StepStart {
  return {
    time: sim.cluster.clock.now(),
    pods: sim.cluster.store.list('Pod').map((p) => ({ uid: p.metadata.uid, namespace: p.metadata.namespace ?? 'default', name: p.metadata.name, ip: p.status.podIP ?? null, labels: { ...(p.metadata.labels ?? {}) } })),
  };
}

const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

/** What kind of address a URL's host was, at the moment the request was sent (looked up in the request index, built once per cluster version). */
export function hostKindOf(sim: Simulation, host: string): HostKind {
  if (!IPV4.test(host)) return 'name';
  const idx = requestIndex(sim);
  if (idx.topo.podByIP.has(host)) return 'pod-ip';
  if (idx.byClusterIP(host)) return 'cluster-ip';
  if (idx.topo.nodeByIP.has(host)) return 'node-ip';
  if (idx.byLoadBalancerIP(host) || sim.cluster.store.list('Service').some((s) => s.spec.externalIPs?.includes(host))) return 'lb-ip';
  return 'external-ip';
}

function nodeOfProxyId(id: string): string | undefined {
  return id.startsWith('kube-proxy:') ? id.slice('kube-proxy:'.length) : undefined;
}

export function requestRecordOf(sim: Simulation, client: { kind: 'pod'; pod: Pod } | { kind: 'workstation' }, res: RequestResult, hostKind: HostKind): RequestRecord {
  const from = client.kind === 'pod' ? `${client.pod.metadata.namespace ?? 'default'}/${client.pod.metadata.name}` : 'workstation';
  const services = new Set<string>();
  let entryNode: string | undefined;
  let seenSrc: string | undefined;
  for (const hop of res.hops) {
    for (const id of hop.related ?? []) if (id.startsWith('svc:')) services.add(id.slice(4));
    if (hop.kind === 'send' && entryNode === undefined) entryNode = nodeOfProxyId(hop.to);
    if (hop.kind === 'route' && entryNode === undefined) entryNode = nodeOfProxyId(hop.to);
    if (hop.kind === 'deliver' && hop.packetIn) seenSrc = hop.packetIn.src.split(':')[0];
  }
  const rec: RequestRecord = { from, host: res.host, port: res.port, path: res.path ?? '/', hostKind, ok: res.ok, services: [...services] };
  if (!res.ok && res.failure) rec.failure = res.failure.reason;
  if (entryNode) rec.entryNode = entryNode;
  if (hostKind === 'node-ip') rec.nodePort = res.port;
  const pod = res.servedBy;
  if (pod) {
    rec.servedBy = { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid, labels: { ...(pod.metadata.labels ?? {}) } };
    const clientIP = client.kind === 'pod' ? client.pod.status.podIP : res.localIP;
    if (seenSrc) rec.sourceSeen = seenSrc === clientIP ? 'client' : 'node';
  }
  return rec;
}
