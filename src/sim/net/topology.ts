/** Where addresses live: which pod or node holds an IP, and each node's IP. */
import type { ObjectStore } from '../model/store';
import type { Node, Pod } from '../model/types';

export interface Topology {
  podByIP: Map<string, Pod>;
  nodeByIP: Map<string, Node>;
  nodeNames: string[];
  nodeIP(nodeName: string): string;
  node(nodeName: string): Node | undefined;
}

export function nodeInternalIP(node: Node): string {
  return node.status.addresses.find((a) => a.type === 'InternalIP')!.address;
}

// One topology per cluster version: requests and planes read it many times between changes.
const CACHE = new WeakMap<object, { version: number; topo: Topology }>();

/** The cluster's topology, built once per cluster.version (not per packet). */
export function topologyOf(cluster: { store: ObjectStore; version: number }): Topology {
  const hit = CACHE.get(cluster);
  if (hit && hit.version === cluster.version) return hit.topo;
  const topo = buildTopology(cluster.store);
  CACHE.set(cluster, { version: cluster.version, topo });
  return topo;
}

export function buildTopology(store: ObjectStore): Topology {
  const podByIP = new Map<string, Pod>();
  for (const pod of store.list('Pod')) {
    if (pod.status.podIP && !pod.spec.hostNetwork) podByIP.set(pod.status.podIP, pod);
  }
  const nodes = store.list('Node');
  const nodeByIP = new Map(nodes.map((n) => [nodeInternalIP(n), n]));
  const byName = new Map(nodes.map((n) => [n.metadata.name, n]));
  const ipByName = new Map(nodes.map((n) => [n.metadata.name, nodeInternalIP(n)]));
  return {
    podByIP,
    nodeByIP,
    nodeNames: nodes.map((n) => n.metadata.name),
    node: (name) => byName.get(name),
    nodeIP: (name) => ipByName.get(name)!,
  };
}

// Element ids are asked for on every hop: build each pod's once.
const POD_IDS = new WeakMap<Pod, string>();

/** The graph element id of a pod. */
export function podId(pod: Pod): string {
  let id = POD_IDS.get(pod);
  if (id === undefined) POD_IDS.set(pod, (id = `pod:${pod.metadata.namespace}/${pod.metadata.name}`));
  return id;
}
export const nodeId = (name: string): string => `node:${name}`;
export const proxyId = (name: string): string => `kube-proxy:${name}`;
export const WORKSTATION = 'workstation';
/** The host's address on kind's docker network, where the workstation's requests come from. */
export const WORKSTATION_IP = '172.18.0.1';
