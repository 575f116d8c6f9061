/**
 * busybox netstat in a pod (networking/netstat.c, 1.36): the sockets of the pod's network
 * namespace, which its containers' servers open. Without -l/-a it shows connected sockets
 * only ("w/o servers"), -l listening ones, -a both and the UNIX sockets; -t/-u pick the
 * protocols. Each line is FMT_NET_CONN_DATA "%s   %6lu %6lu %-23s %-23s %-12s"; an IPv6
 * socket (Go's net.Listen on ":PORT" is a dual-stack AF_INET6 one) reads ":::PORT".
 * Without -n addresses go through getnameinfo (0.0.0.0 and :: have no name) and ports
 * through /etc/services, which busybox's image lacks and Alpine's has.
 * Connected sockets come from the nodes' conntrack entries: a client's connection the
 * kubelet-free curl closed first stays TIME_WAIT for 60 s (TCP_TIMEWAIT_LEN; conntrack keeps
 * its entry 120 s), a kept-alive one ESTABLISHED on both ends; the client's address pair is
 * the one it connected to (a ClusterIP), the server's the one it saw (after DNAT and SNAT).
 * A Go server's accepted IPv4 connection sits on its dual-stack socket as ::ffff:ADDR.
 * Departures: -r, -W and -e print as without them.
 */
import type { Pod } from '../../sim/model/types';
import type { DataPlane } from '../../sim/net/packet';
import type { Simulation } from '../../sim/simulation';
import type { CommandResult } from '../types';
import { imageTraits } from './image-traits';
import type { Libc } from '../print/strerror';

interface Socket {
  proto: 'tcp' | 'udp';
  v6: boolean;
  port: number;
  /** argv[0] of the process holding it (netstat -p: "PID/NAME", %.20s). */
  program: string;
}

/** The sockets a container's main process listens on, as its program opens them. */
function containerSockets(image: string, command: string[], args: string[], ports: number[]): Socket[] {
  const repo = image.split('@')[0]!.replace(/:[^/:]*$/, '');
  const argv = [...command.filter((x) => !x.endsWith('agnhost')), ...args];
  const flag = (name: string, def: number) => {
    const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i < 0) return def;
    const v = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
    return Number(v ?? def);
  };
  if (repo.endsWith('agnhost')) {
    // test/images/agnhost: serve-hostname's HTTP server; netexec's HTTP and UDP servers (Go, dual-stack).
    if (argv[0] === 'serve-hostname') return [{ proto: 'tcp', v6: true, port: flag('--port', 9376), program: 'agnhost' }];
    if (argv[0] === 'netexec')
      return [
        { proto: 'tcp', v6: true, port: flag('--http-port', 8080), program: 'agnhost' },
        { proto: 'udp', v6: true, port: flag('--udp-port', 8081), program: 'agnhost' },
      ];
    return [];
  }
  // The nginx image's default.conf listens on 80 and its entrypoint adds `listen [::]:80`.
  if (repo === 'nginx' || repo.endsWith('/nginx'))
    return [
      { proto: 'tcp', v6: false, port: 80, program: 'nginx: master process nginx -g daemon off;' },
      { proto: 'tcp', v6: true, port: 80, program: 'nginx: master process nginx -g daemon off;' },
    ];
  if (repo === 'busybox' || repo.endsWith('/busybox') || repo.endsWith('/pause')) return [];
  // Any other image: its declared containerPorts (departure: the real server may bind otherwise).
  const name = (command[0] ?? args[0] ?? repo).split('/').pop()!;
  return ports.map((port) => ({ proto: 'tcp' as const, v6: false, port, program: name }));
}

export function podSockets(pod: Pod): Socket[] {
  const all: Socket[] = [];
  for (const c of pod.spec.containers) {
    all.push(...containerSockets(c.image, c.command ?? [], c.args ?? [], (c.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => p.containerPort)));
  }
  // /proc/net/tcp, then tcp6, then udp and udp6 (netstat_main's order).
  const rank = (s: Socket) => (s.proto === 'tcp' ? 0 : 2) + (s.v6 ? 1 : 0);
  return all.sort((a, b) => rank(a) - rank(b) || a.port - b.port);
}

/** Alpine's /etc/services names for the ports our servers use (getservbyport). */
const ALPINE_SERVICES: Record<number, string> = { 80: 'http', 443: 'https', 53: 'domain', 8080: 'http-alt' };

const OPTS = 'laentuwxrWp';

/** getopt's complaint (musl and glibc word it differently), then busybox's short usage. */
function badOption(ch: string, libc: Libc): CommandResult {
  const said = libc === 'musl' ? `netstat: unrecognized option: ${ch}` : `netstat: invalid option -- '${ch}'`;
  return { chunks: [{ stream: 'err', text: `${said}\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: netstat [-ral] [-tuwx] [-enWp]\n` }], exitCode: 1 };
}

interface Connection {
  local: string;
  remote: string;
  state: 'ESTABLISHED' | 'TIME_WAIT';
  v6: boolean;
  /** The process holding it: the server's for an accepted one; curl exits, so a client's has none left. */
  program?: string;
}

/** The pod's TCP connections still alive, read off every node's conntrack table. */
function podConnections(sim: Simulation, plane: DataPlane, pod: Pod): Connection[] {
  const ip = pod.status.podIP;
  if (!ip || !plane.conntrackTable) return [];
  const now = sim.cluster.clock.now();
  const server = podSockets(pod).find((s) => s.proto === 'tcp');
  const goServer = server?.v6 === true && server.program === 'agnhost';
  const seen = new Set<string>();
  const out: Connection[] = [];
  const add = (c: Connection) => {
    const key = `${c.local} ${c.remote}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  for (const node of sim.cluster.store.list('Node')) {
    for (const e of plane.conntrackTable(node.metadata.name).entries(now)) {
      if (e.protocol !== 'TCP') continue;
      const timeWait = e.state === 'TIME_WAIT' && e.expiresAt - now > 60;
      if (e.orig.src === ip && (e.state === 'ESTABLISHED' || timeWait)) {
        add({ local: `${ip}:${e.orig.sport}`, remote: `${e.orig.dst}:${e.orig.dport}`, state: e.state === 'ESTABLISHED' ? 'ESTABLISHED' : 'TIME_WAIT', v6: false });
      }
      if (e.translated.dst === ip && e.state === 'ESTABLISHED') {
        const m = goServer ? '::ffff:' : '';
        add({ local: `${m}${ip}:${e.translated.dport}`, remote: `${m}${e.translated.src}:${e.translated.sport}`, state: 'ESTABLISHED', v6: goServer, ...(server ? { program: server.program } : {}) });
      }
    }
  }
  return out;
}

export function runNetstat(sim: Simulation, plane: DataPlane, pod: Pod, image: string, args: string[], libc: Libc): CommandResult {
  const set = new Set<string>();
  for (const a of args) {
    if (!a.startsWith('-') || a === '-') continue;
    for (const ch of a.slice(1)) {
      if (!OPTS.includes(ch)) return badOption(ch, libc);
      set.add(ch);
    }
  }
  const listening = set.has('l') || set.has('a');
  const connected = !set.has('l') || set.has('a');
  const protos = ['t', 'u', 'w', 'x'].filter((p) => set.has(p));
  const want = (p: string) => protos.length === 0 || protos.includes(p);
  const numeric = set.has('n');
  const services = imageTraits(image).base === 'alpine';
  const scope = listening && connected ? '(servers and established)' : listening ? '(only servers)' : '(w/o servers)';
  const banner = set.has('p') ? 'PID/Program name    ' : '';
  let text = '';
  if (want('t') || want('u') || want('w')) {
    text += `Active Internet connections ${scope}\nProto Recv-Q Send-Q ${'Local Address'.padEnd(23)} ${'Foreign Address'.padEnd(23)} State       ${banner}\n`;
    const line = (proto: string, local: string, remote: string, state: string, prog: string) =>
      `${proto}   ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(23)} ${remote.padEnd(23)} ${state.padEnd(12)}${prog}\n`;
    const all = podSockets(pod);
    // -p: the process holding the socket ("PID/argv0", %.20s); a TIME_WAIT socket has none.
    const progOf = (program: string | undefined) => (banner ? (program ? `1/${program}`.slice(0, 20) : '-') : '');
    const socketLine = (s: Socket) => {
      const port = !numeric && services && ALPINE_SERVICES[s.port] ? ALPINE_SERVICES[s.port]! : String(s.port);
      return line(s.proto, s.v6 ? `:::${port}` : `0.0.0.0:${port}`, s.v6 ? ':::*' : '0.0.0.0:*', s.proto === 'tcp' ? 'LISTEN' : '', progOf(s.program));
    };
    const sockets = listening ? all : [];
    const conns = connected && want('t') ? podConnections(sim, plane, pod) : [];
    // /proc/net/tcp (listening sockets, then connections), tcp6 likewise, then udp and udp6.
    for (const v6 of [false, true]) {
      if (want('t')) for (const s of sockets.filter((x) => x.proto === 'tcp' && x.v6 === v6)) text += socketLine(s);
      for (const c of conns.filter((x) => x.v6 === v6)) text += line('tcp', c.local, c.remote, c.state, progOf(c.state === 'TIME_WAIT' ? undefined : c.program));
    }
    if (want('u')) for (const s of sockets.filter((x) => x.proto === 'udp')) text += socketLine(s);
  }
  if (want('x')) text += `Active UNIX domain sockets ${scope}\nProto RefCnt Flags       Type       State         I-Node ${banner}Path\n`;
  return { chunks: [{ stream: 'out', text }], exitCode: 0 };
}
