/**
 * The network interfaces and routes of a kind node and of a pod, as kindnet's CNI sets them up
 * (kindnet's CNI config: the ptp plugin with host-local IPAM over the node's podCIDR and a
 * 0.0.0.0/0 route). ptp (containernetworking/plugins plugins/main/ptp/ptp.go):
 * - in the pod: the veth's container end, eth0, created in the pod's namespace (index 2), with
 *   the pod IP and the podCIDR's mask; the subnet route replaced by a /32 link route to the
 *   gateway (the podCIDR's .1) and the subnet via that gateway; the default route via it;
 * - on the node: the host end "vethXXXXXXXX" (ip.RandomVethName: "veth" + 8 hex digits), holding
 *   the gateway address as /32, and a "scope host" route to the pod IP through it.
 * kindnetd adds a route to every other node's podCIDR via that node's IP on eth0
 * (vishvananda/netlink's default protocol, "boot", which ip route does not print).
 * The node's eth0 is docker's veth on the "kind" network (172.18.0.0/16, gateway 172.18.0.1;
 * docker derives the MAC from the IP: 02:42 + the address).
 * Departures: interface indexes and MACs are deterministic stand-ins; eth0's IPv6 addresses on
 * kind's dual-stack docker network are not shown.
 */
import type { Node, Pod } from '../../sim/model/types';
import { formatIPv4, parseCidr, parseIPv4 } from '../../sim/net/ip';
import { nodeInternalIP } from '../../sim/net/topology';
import { sha256, toHex, utf8Bytes } from '../../sim/proxy/hash';
import type { Simulation } from '../../sim/simulation';

export interface Link {
  index: number;
  name: string;
  /** The peer's index ("@ifN"). */
  peer?: number;
  kind: 'loopback' | 'ether';
  mac: string;
  /** "link-netns cni-..." (the pod end of a host veth) or "link-netnsid 0" (a container's eth0). */
  netns?: string;
  inet?: { ip: string; prefix: number; brd?: string; scope: 'global' | 'host' };
  /** The link-local IPv6 address of a pod's eth0 (EUI-64 from the MAC). */
  inet6?: string;
}

export const KIND_NETWORK = { cidr: '172.18.0.0/16', gateway: '172.18.0.1' };
const ETH0_BASE_INDEX = 9;

const hex = (text: string) => toHex(sha256(utf8Bytes(text)));

/** A locally administered unicast MAC from a seed (the kernel's random veth MACs). */
function randomMac(seed: string): string {
  const h = hex(seed);
  const first = ((parseInt(h.slice(0, 2), 16) & 0xfc) | 0x02).toString(16).padStart(2, '0');
  return [first, ...[2, 4, 6, 8, 10].map((i) => h.slice(i, i + 2))].join(':');
}

function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0] = b[0]! ^ 0x02;
  const words = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | 0xff, (0xfe << 8) | b[3]!, (b[4]! << 8) | b[5]!];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}`;
}

function broadcast(ip: string, prefix: number): string {
  const n = parseIPv4(ip)!;
  return formatIPv4((n | (prefix === 32 ? 0 : 0xffffffff >>> prefix)) >>> 0);
}

export function nodeOf(sim: Simulation, name: string | undefined): Node | undefined {
  return name ? sim.cluster.store.get('Node', undefined, name) : undefined;
}

/** The pods with a network namespace of their own on a node, in the order their veths were made. */
export function podsOnNode(sim: Simulation, nodeName: string): Pod[] {
  return sim.cluster.store
    .list('Pod')
    .filter((p) => p.spec.nodeName === nodeName && p.status.podIP && !p.spec.hostNetwork && !p.metadata.deletionTimestamp)
    .sort((a, b) => parseIPv4(a.status.podIP!)! - parseIPv4(b.status.podIP!)!);
}

const LO: Link = { index: 1, name: 'lo', kind: 'loopback', mac: '00:00:00:00:00:00', inet: { ip: '127.0.0.1', prefix: 8, scope: 'host' } };

function nodeEth0Index(sim: Simulation, nodeName: string): number {
  const i = sim.cluster.store.list('Node').findIndex((n) => n.metadata.name === nodeName);
  return ETH0_BASE_INDEX + 2 * Math.max(i, 0);
}

/** Host veth indexes: from 2, skipping eth0's. */
function vethIndex(eth0: number, i: number): number {
  const n = 2 + i;
  return n >= eth0 ? n + 1 : n;
}

export function gatewayOf(node: Node): { gateway: string; prefix: number } {
  const c = parseCidr(node.spec.podCIDR)!;
  return { gateway: formatIPv4((c.base + 1) >>> 0), prefix: c.bits };
}

export function vethName(pod: Pod): string {
  return `veth${hex(`veth/${pod.metadata.uid}`).slice(0, 8)}`;
}

export function netnsName(pod: Pod): string {
  const h = hex(`netns/${pod.metadata.uid}`);
  return `cni-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function nodeLinks(sim: Simulation, node: Node): Link[] {
  const eth0 = nodeEth0Index(sim, node.metadata.name);
  const ip = nodeInternalIP(node);
  const { gateway } = gatewayOf(node);
  const veths: Link[] = podsOnNode(sim, node.metadata.name).map((p, i) => ({
    index: vethIndex(eth0, i),
    name: vethName(p),
    peer: 2,
    kind: 'ether',
    mac: randomMac(`hostmac/${p.metadata.uid}`),
    netns: `link-netns ${netnsName(p)}`,
    inet: { ip: gateway, prefix: 32, scope: 'global' },
    inet6: linkLocal(randomMac(`hostmac/${p.metadata.uid}`)),
  }));
  const mac = `02:42:${ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0')).join(':')}`;
  const eth: Link = { index: eth0, name: 'eth0', peer: eth0 + 1, kind: 'ether', mac, netns: 'link-netnsid 0', inet: { ip, prefix: 16, brd: broadcast(ip, 16), scope: 'global' }, inet6: linkLocal(mac) };
  return [LO, ...veths, eth].sort((a, b) => a.index - b.index);
}

export function podLinks(sim: Simulation, pod: Pod): Link[] {
  const node = nodeOf(sim, pod.spec.nodeName);
  if (!node || !pod.status.podIP) return [LO];
  const i = podsOnNode(sim, node.metadata.name).indexOf(pod);
  const eth0 = nodeEth0Index(sim, node.metadata.name);
  const { prefix } = gatewayOf(node);
  const mac = randomMac(`podmac/${pod.metadata.uid}`);
  const ip = pod.status.podIP;
  return [LO, { index: 2, name: 'eth0', peer: vethIndex(eth0, Math.max(i, 0)), kind: 'ether', mac, netns: 'link-netnsid 0', inet: { ip, prefix, brd: broadcast(ip, prefix), scope: 'global' }, inet6: linkLocal(mac) }];
}

export interface Route {
  dst: string;
  via?: string;
  dev: string;
  proto?: 'kernel';
  scope?: 'link' | 'host';
  src?: string;
}

const routeKey = (r: Route) => {
  const [ip, bits] = r.dst === 'default' ? ['0.0.0.0', '0'] : (r.dst.split('/') as [string, string?]);
  return parseIPv4(ip!)! * 64 + Number(bits ?? 32);
};

/** The main table in the kernel's dump order (by destination, then prefix length). */
export function nodeRoutes(sim: Simulation, node: Node): Route[] {
  const ip = nodeInternalIP(node);
  const routes: Route[] = [
    { dst: 'default', via: KIND_NETWORK.gateway, dev: 'eth0' },
    { dst: KIND_NETWORK.cidr, dev: 'eth0', proto: 'kernel', scope: 'link', src: ip },
  ];
  for (const other of sim.cluster.store.list('Node')) {
    if (other !== node && other.spec.podCIDR) routes.push({ dst: other.spec.podCIDR, via: nodeInternalIP(other), dev: 'eth0' });
  }
  for (const p of podsOnNode(sim, node.metadata.name)) routes.push({ dst: p.status.podIP!, dev: vethName(p), scope: 'host' });
  return routes.sort((a, b) => routeKey(a) - routeKey(b));
}

export function podRoutes(sim: Simulation, pod: Pod): Route[] {
  const node = nodeOf(sim, pod.spec.nodeName);
  if (!node || !pod.status.podIP) return [];
  const { gateway } = gatewayOf(node);
  const src = pod.status.podIP;
  return [
    { dst: 'default', via: gateway, dev: 'eth0' },
    { dst: node.spec.podCIDR, via: gateway, dev: 'eth0', src },
    { dst: gateway, dev: 'eth0', scope: 'link', src },
  ];
}
