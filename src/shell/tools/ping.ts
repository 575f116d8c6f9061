/**
 * ping from a pod, in busybox's words (networking/ping.c: "PING HOST (IP): 56 data bytes",
 * "64 bytes from IP: seq=N ttl=T time=X ms", the statistics block; exit 1 when nothing came
 * back) or iputils' (netshoot: ping/ping.c and ping_common.c: "56(84) bytes of data",
 * icmp_seq from 1, "N received", "time Nms", rtt min/avg/max/mdev).
 * Who answers: a pod IP (TTL 64 from the pod itself, 63 through its node, 62 from another
 * node: each routing hop decrements it), a node IP or a pod's gateway (64: the node answers).
 * A ClusterIP answers only in IPVS mode, where kube-proxy binds every ClusterIP to the dummy
 * interface kube-ipvs0 on each node, so the node itself replies (TTL 64). In iptables mode no
 * rule matches ICMP to a ClusterIP and no host holds the address: no reply, 100% packet loss
 * (nftables mode rejects it with ICMP port-unreachable, which ping's echo-reply filter ignores).
 */
import type { Pod } from '../../sim/model/types';
import { lookup } from '../../sim/net/dns-lookup';
import { isIPv4, parseCidr, parseIPv4, cidrContains } from '../../sim/net/ip';
import { topologyOf } from '../../sim/net/topology';
import type { Simulation } from '../../sim/simulation';
import type { CommandResult } from '../types';
import { gatewayOf, nodeOf } from './net-links';
import { resolvConfFor } from './pod-files';

export type PingFlavour = 'busybox' | 'iputils';

/** The TTL of the reply, or undefined when none comes back; or 'outside' for addresses beyond the cluster. */
function replyTTL(sim: Simulation, pod: Pod, ip: string): number | undefined | 'outside' {
  if (ip === pod.status.podIP || ip.startsWith('127.')) return 64;
  const topo = topologyOf(sim.cluster);
  const target = topo.podByIP.get(ip);
  if (target) return target.spec.nodeName === pod.spec.nodeName ? 63 : 62;
  if (topo.nodeByIP.has(ip)) return 64;
  const node = nodeOf(sim, pod.spec.nodeName);
  if (node && ip === gatewayOf(node).gateway) return 64;
  const clusterIP = sim.cluster.store.list('Service').some((s) => (s.spec.clusterIPs ?? [s.spec.clusterIP]).includes(ip));
  if (clusterIP) return sim.config.proxyMode === 'ipvs' ? 64 : undefined;
  const n = parseIPv4(ip)!;
  if (cidrContains(sim.config.podSubnet, n) || cidrContains(sim.config.serviceSubnet, n) || cidrContains(parseCidr('172.18.0.0/16')!, n)) return undefined;
  return 'outside';
}

function parseCount(args: string[]): { count?: number; host?: string; error?: string } {
  let count: number | undefined;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-c') {
      const v = args[++i];
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1) return { error: `invalid count '${v ?? ''}'` };
      count = Number(v);
    } else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s' || a === '-t') i++;
    else if (!a.startsWith('-')) host = a;
  }
  return { ...(count !== undefined ? { count } : {}), ...(host !== undefined ? { host } : {}) };
}

const ms = (n: number) => n.toFixed(3);

export function runPing(sim: Simulation, pod: Pod, args: string[], flavour: PingFlavour): CommandResult {
  const p = parseCount(args);
  if (p.error) return { chunks: [{ stream: 'err', text: flavour === 'busybox' ? `ping: ${p.error}\n` : `ping: ${p.error}: out of range: 1 <= value <= 9223372036854775807\n` }], exitCode: flavour === 'busybox' ? 1 : 2 };
  if (!p.host) return { chunks: [{ stream: 'err', text: flavour === 'busybox' ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n' }], exitCode: flavour === 'busybox' ? 1 : 2 };
  const host = p.host;
  let ip = host;
  if (!isIPv4(host)) {
    const conf = resolvConfFor(sim, pod);
    const found = host === 'localhost' ? ['127.0.0.1'] : lookup(sim.dnsContextFor(conf), conf, host, 'A').addresses;
    if (!found[0]) return { chunks: [{ stream: 'err', text: flavour === 'busybox' ? `ping: bad address '${host}'\n` : `ping: ${host}: Name or service not known\n` }], exitCode: flavour === 'busybox' ? 1 : 2 };
    ip = found[0];
  }
  const ttl = replyTTL(sim, pod, ip);
  if (ttl === 'outside') return { chunks: [{ stream: 'err', text: `ping: ${ip} is outside the simulated cluster; this simulator answers ping inside it only\n` }], exitCode: 2 };
  const count = p.count ?? 4;
  const rng = sim.cluster.trafficRng;
  const times: number[] = [];
  if (ttl !== undefined) for (let i = 0; i < count; i++) times.push((ttl === 64 ? 0.04 : ttl === 63 ? 0.06 : 0.09) + rng.int(60) / 1000);
  let text = flavour === 'busybox' ? `PING ${host} (${ip}): 56 data bytes\n` : `PING ${host} (${ip}) 56(84) bytes of data.\n`;
  times.forEach((t, i) => {
    text += flavour === 'busybox' ? `64 bytes from ${ip}: seq=${i} ttl=${ttl} time=${ms(t)} ms\n` : `64 bytes from ${ip}: icmp_seq=${i + 1} ttl=${ttl} time=${t.toFixed(3)} ms\n`;
  });
  const got = times.length;
  const loss = Math.round(((count - got) * 100) / count);
  text += `\n--- ${host} ping statistics ---\n`;
  if (flavour === 'busybox') {
    text += `${count} packets transmitted, ${got} packets received, ${loss}% packet loss\n`;
    if (got) text += `round-trip min/avg/max = ${ms(Math.min(...times))}/${ms(times.reduce((a, b) => a + b, 0) / got)}/${ms(Math.max(...times))} ms\n`;
  } else {
    // iputils: the time is the whole run (one second between packets; a lost last one waits its timeout too).
    const avg = got ? times.reduce((a, b) => a + b, 0) / got : 0;
    const mdev = got ? Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / got) : 0;
    text += `${count} packets transmitted, ${got} received, ${loss}% packet loss, time ${(count - 1) * 1000 + (got ? count - 1 : 0)}ms\n`;
    if (got) text += `rtt min/avg/max/mdev = ${ms(Math.min(...times))}/${ms(avg)}/${ms(Math.max(...times))}/${ms(mdev)} ms\n`;
  }
  const note = p.count === undefined ? [{ stream: 'err' as const, text: `ping: without -c ping runs until Ctrl-C; the simulator sent ${count} and stopped\n` }] : [];
  return { chunks: [{ stream: 'out', text }, ...note], exitCode: got ? 0 : 1 };
}

