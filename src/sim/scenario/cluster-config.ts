/**
 * The kind Cluster config (kind.x-k8s.io/v1alpha4) and kind's defaults
 * (kind pkg/apis/config/v1alpha4/default.go): one control-plane and two
 * workers, podSubnet 10.244.0.0/16, serviceSubnet 10.96.0.0/16, iptables.
 */
import { LineCounter, parseDocument } from 'yaml';
import { parseCidr, type Cidr } from '../net/ip';
import type { IpvsScheduler } from '../proxy/ipvs/model';
import type { ProxyMode } from '../view/snapshot';
import { goYamlMessage } from './yaml-errors';
import { documentToJs } from './yaml-guards';

export interface NodeConfig {
  name: string;
  role: 'control-plane' | 'worker';
  ip: string;
}

export interface ClusterConfig {
  name: string;
  nodes: NodeConfig[];
  podSubnet: Cidr;
  serviceSubnet: Cidr;
  /** Mask size of each node's podCIDR (kube-controller-manager --node-cidr-mask-size). */
  nodeCidrMaskSize: number;
  proxyMode: ProxyMode;
  clusterDomain: string;
  nodePortRange: { min: number; max: number };
  /** Addresses a LoadBalancer controller may hand out; empty means `<pending>`. */
  loadBalancerPool: string[];
  /** Whether the host kernel has the ip_vs modules (x-sim: ipvsModules); default true. */
  ipvsModules?: boolean;
  /** kube-proxy --ipvs-scheduler (x-sim: ipvsScheduler; kind has no field for it); default rr. */
  ipvsScheduler?: IpvsScheduler;
}

const IPVS_SCHEDULERS: IpvsScheduler[] = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'dh', 'sh', 'sed', 'nq', 'mh'];

const DOCKER_NETWORK_BASE = '172.18.0.';

/** The most nodes a simulated cluster has (a simulator limit). */
export const MAX_NODES = 100;

function nodeNames(clusterName: string, roles: ('control-plane' | 'worker')[]): NodeConfig[] {
  let cp = 0;
  let worker = 0;
  return roles.map((role, i) => {
    const n = role === 'control-plane' ? ++cp : ++worker;
    const base = `${clusterName}-${role}`;
    const name = n === 1 ? base : `${base}${n}`;
    return { name, role, ip: `${DOCKER_NETWORK_BASE}${i + 2}` };
  });
}

export function defaultClusterConfig(): ClusterConfig {
  return {
    name: 'kind',
    nodes: nodeNames('kind', ['control-plane', 'worker', 'worker']),
    podSubnet: parseCidr('10.244.0.0/16')!,
    serviceSubnet: parseCidr('10.96.0.0/16')!,
    nodeCidrMaskSize: 24,
    proxyMode: 'iptables',
    clusterDomain: 'cluster.local',
    nodePortRange: { min: 30000, max: 32767 },
    loadBalancerPool: [],
  };
}

/** A config kind would refuse; `line` (1-based) says where, when a line is to blame. */
export class ClusterConfigError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

/** The config's YAML as JSON-like data; a syntax or alias error is a ClusterConfigError at its line. */
function readYaml(text: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const syntax = doc.errors[0];
  if (syntax) throw new ClusterConfigError(`error converting YAML to JSON: ${goYamlMessage(syntax, text)}`, lineCounter.linePos(syntax.pos[0]).line);
  const converted = documentToJs(doc);
  if ('error' in converted) throw new ClusterConfigError(`error converting YAML to JSON: ${converted.error}`, lineCounter.linePos(converted.at.start).line);
  return converted.value;
}

/** Reads a kind Cluster config; anything it leaves out keeps kind's default. */
export function parseClusterConfig(text: string): ClusterConfig {
  const config = defaultClusterConfig();
  const doc = readYaml(text);
  if (doc === null || doc === undefined) return config;
  if (typeof doc !== 'object') throw new ClusterConfigError('cluster config must be a kind Cluster object');
  const raw = doc as Record<string, unknown>;
  if (raw.kind !== undefined && raw.kind !== 'Cluster') {
    throw new ClusterConfigError(`unknown kind "${String(raw.kind)}", expected Cluster (kind.x-k8s.io/v1alpha4)`);
  }
  if (typeof raw.name === 'string') config.name = raw.name;
  if (Array.isArray(raw.nodes)) {
    // A simulator limit, not kind's: node addresses come from one /24 of the docker network.
    if (raw.nodes.length > MAX_NODES) throw new ClusterConfigError(`this simulator runs at most ${MAX_NODES} nodes; the config asks for ${raw.nodes.length}`);
    const roles = raw.nodes.map((n) => ((n as Record<string, unknown>)?.role === 'worker' ? 'worker' : 'control-plane'));
    config.nodes = nodeNames(config.name, roles as ('control-plane' | 'worker')[]);
  } else {
    config.nodes = nodeNames(config.name, ['control-plane', 'worker', 'worker']);
  }
  const net = (raw.networking ?? {}) as Record<string, unknown>;
  if (typeof net.podSubnet === 'string') config.podSubnet = cidrOrThrow(net.podSubnet, 'podSubnet');
  if (typeof net.serviceSubnet === 'string') config.serviceSubnet = cidrOrThrow(net.serviceSubnet, 'serviceSubnet');
  if (net.kubeProxyMode !== undefined) {
    const mode = String(net.kubeProxyMode);
    if (!['iptables', 'ipvs', 'nftables', 'userspace', 'none'].includes(mode)) {
      throw new ClusterConfigError(`invalid kubeProxyMode: ${mode}`);
    }
    config.proxyMode = (mode === 'none' ? 'iptables' : mode) as ProxyMode;
  }
  const sim = (raw['x-sim'] ?? {}) as Record<string, unknown>;
  if (Array.isArray(sim.loadBalancerPool)) config.loadBalancerPool = sim.loadBalancerPool.map(String);
  if (sim.ipvsModules === false) config.ipvsModules = false;
  if (sim.ipvsScheduler !== undefined) {
    const sched = String(sim.ipvsScheduler) as IpvsScheduler;
    if (!IPVS_SCHEDULERS.includes(sched)) throw new ClusterConfigError(`invalid ipvsScheduler: ${sched}`);
    config.ipvsScheduler = sched;
  }
  return config;
}

function cidrOrThrow(text: string, field: string): Cidr {
  const cidr = parseCidr(text);
  if (!cidr) throw new ClusterConfigError(`invalid ${field}: ${text}`);
  return cidr;
}
