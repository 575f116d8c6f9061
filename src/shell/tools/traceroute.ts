/**
 * busybox traceroute from a pod (networking/traceroute.c, 1.36): UDP probes to ports from
 * 33434 with TTL 1, 2, ...; each hop prints the address an ICMP "time exceeded" came from
 * (print_inetname: "NAME (ADDR)", the address twice when it has no PTR name, ADDR alone
 * with -n) and each probe's round trip ("  %u.%03u ms"), "  *" for a probe nothing
 * answered; it stops at the hop that answers "port unreachable" (the destination).
 * The route kindnet gives a pod: its default via the node's gateway on the ptp veth (the
 * node answers from that address), another node's podCIDR via that node's IP on the kind
 * network, then the pod. A ClusterIP: in iptables mode no rule takes UDP to ports kube-proxy
 * does not serve, so the probes follow the node's default route to the docker host
 * (172.18.0.1) and out of the cluster; in IPVS mode kube-ipvs0 holds the address on the node,
 * and nftables mode rejects it there: either way the first hop is the destination.
 * Departure: beyond the docker host (the learner's own network) every hop shows "*".
 */
import type { Pod } from '../../sim/model/types';
import { answer } from '../../sim/dns/records';
import { reverseName } from '../../sim/dns/reverse';
import { lookup } from '../../sim/net/dns-lookup';
import { cidrContains, isIPv4, parseCidr, parseIPv4 } from '../../sim/net/ip';
import { topologyOf, nodeInternalIP } from '../../sim/net/topology';
import type { Simulation } from '../../sim/simulation';
import type { CommandResult } from '../types';
import { gatewayOf, nodeOf } from './net-links';
import { resolvConfFor } from './pod-files';

const DOCKER_GATEWAY = '172.18.0.1';

/** The addresses answering at each TTL, and whether the last one is the destination. */
function route(sim: Simulation, pod: Pod, ip: string): { hops: string[]; reached: boolean } | 'outside' {
  if (ip === pod.status.podIP || ip.startsWith('127.')) return { hops: [ip], reached: true };
  const node = nodeOf(sim, pod.spec.nodeName);
  const gw = node ? gatewayOf(node).gateway : DOCKER_GATEWAY;
  const ownIP = node ? nodeInternalIP(node) : undefined;
  if (ip === gw || ip === ownIP) return { hops: [ip], reached: true };
  const topo = topologyOf(sim.cluster);
  const target = topo.podByIP.get(ip);
  if (target) {
    if (target.spec.nodeName === pod.spec.nodeName) return { hops: [gw, ip], reached: true };
    const other = nodeOf(sim, target.spec.nodeName);
    return { hops: [gw, other ? nodeInternalIP(other)! : DOCKER_GATEWAY, ip], reached: true };
  }
  if (topo.nodeByIP.has(ip)) return { hops: [gw, ip], reached: true };
  const isClusterIP = sim.cluster.store.list('Service').some((s) => (s.spec.clusterIPs ?? [s.spec.clusterIP]).includes(ip));
  if (isClusterIP && sim.config.proxyMode !== 'iptables') return { hops: [ip], reached: true };
  const n = parseIPv4(ip)!;
  if (isClusterIP || cidrContains(sim.config.serviceSubnet, n)) return { hops: [gw, DOCKER_GATEWAY], reached: false };
  if (cidrContains(sim.config.podSubnet, n) || cidrContains(parseCidr('172.18.0.0/16')!, n)) return { hops: [gw], reached: false };
  return 'outside';
}

interface Options {
  host?: string;
  numeric: boolean;
  maxTTL: number;
  probes: number;
  error?: string;
}

function parseArgs(args: string[]): Options {
  const o: Options = { numeric: false, maxTTL: 30, probes: 3 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n') o.numeric = true;
    else if (a === '-m' || a === '-q') {
      const v = args[++i];
      const num = Number(v);
      if (v === undefined || !/^\d+$/.test(v)) return { ...o, error: `traceroute: invalid number '${v ?? ''}'\n` };
      if (a === '-m') o.maxTTL = num;
      else o.probes = num;
    } else if (['-w', '-p', '-f', '-s', '-i', '-t', '-z'].includes(a)) i++;
    else if (a.startsWith('-')) continue;
    else if (o.host === undefined) o.host = a;
  }
  return o;
}

/** busybox's xmalloc_sockaddr2host_noport: the PTR name the pod's resolver finds, if any. */
function ptrName(sim: Simulation, pod: Pod, ip: string): string | undefined {
  const r = answer(sim.dnsContextFor(resolvConfFor(sim, pod)), reverseName(ip), 'PTR');
  const name = r.rcode === 'NOERROR' ? r.answers.find((a) => a.type === 'PTR')?.data : undefined;
  return name?.replace(/\.$/, '');
}

export function runTraceroute(sim: Simulation, pod: Pod, args: string[]): CommandResult {
  const o = parseArgs(args);
  if (o.error) return { chunks: [{ stream: 'err', text: o.error }], exitCode: 1 };
  if (o.host === undefined) return { chunks: [{ stream: 'err', text: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: traceroute [-46IFlnrv] [-f 1ST_TTL] [-m MAXTTL] [-q PROBES] [-p PORT]\n\t[-t TOS] [-w WAIT_SEC] [-s SRC_IP] [-i IFACE]\n\t[-z PAUSE_MSEC] HOST [BYTES]\n' }], exitCode: 1 };
  let ip = o.host;
  if (!isIPv4(ip)) {
    const conf = resolvConfFor(sim, pod);
    const found = ip === 'localhost' ? ['127.0.0.1'] : lookup(sim.dnsContextFor(conf), conf, ip, 'A').addresses;
    if (!found[0]) return { chunks: [{ stream: 'err', text: `traceroute: bad address '${o.host}'\n` }], exitCode: 1 };
    ip = found[0];
  }
  const r = route(sim, pod, ip);
  if (r === 'outside') return { chunks: [{ stream: 'err', text: `traceroute: ${ip} is outside the simulated cluster; this simulator traces routes inside it only\n` }], exitCode: 2 };
  const rng = sim.cluster.trafficRng;
  let text = `traceroute to ${o.host} (${ip}), ${o.maxTTL} hops max, 46 byte packets\n`;
  const last = r.reached ? r.hops.length : o.maxTTL;
  for (let ttl = 1; ttl <= Math.min(last, o.maxTTL); ttl++) {
    const from = r.hops[ttl - 1];
    text += String(ttl).padStart(2);
    if (from === undefined) {
      text += '  *'.repeat(o.probes) + '\n';
      continue;
    }
    const name = o.numeric ? undefined : (ptrName(sim, pod, from) ?? from);
    text += o.numeric ? `  ${from}` : `  ${name} (${from})`;
    for (let p = 0; p < o.probes; p++) {
      const us = 3 + ttl * 2 + rng.int(20);
      text += `  ${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')} ms`;
    }
    text += '\n';
  }
  return { chunks: [{ stream: 'out', text }], exitCode: 0 };
}
