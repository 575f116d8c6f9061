/**
 * busybox netstat in a pod (networking/netstat.c, 1.36): the sockets of the pod's network
 * namespace, which its containers' servers open. Without -l/-a it shows connected sockets
 * only ("w/o servers"), -l listening ones, -a both and the UNIX sockets; -t/-u pick the
 * protocols. Each line is FMT_NET_CONN_DATA "%s   %6lu %6lu %-23s %-23s %-12s"; an IPv6
 * socket (Go's net.Listen on ":PORT" is a dual-stack AF_INET6 one) reads ":::PORT".
 * Without -n addresses go through getnameinfo (0.0.0.0 and :: have no name) and ports
 * through /etc/services, which busybox's image lacks and Alpine's has.
 * Departures: no established or TIME_WAIT sockets are kept between requests, so the
 * connected list is empty; -r, -W and -e print as without them.
 */
import type { Pod } from '../../sim/model/types';
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

export function runNetstat(pod: Pod, image: string, args: string[], libc: Libc): CommandResult {
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
    if (listening) {
      for (const s of podSockets(pod)) {
        if (!want(s.proto === 'tcp' ? 't' : 'u')) continue;
        const port = !numeric && services && ALPINE_SERVICES[s.port] ? ALPINE_SERVICES[s.port]! : String(s.port);
        const local = s.v6 ? `:::${port}` : `0.0.0.0:${port}`;
        const remote = s.v6 ? ':::*' : '0.0.0.0:*';
        const state = s.proto === 'tcp' ? 'LISTEN' : '';
        const prog = banner ? `1/${s.program}`.slice(0, 20) : '';
        text += `${s.proto}   ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(23)} ${remote.padEnd(23)} ${state.padEnd(12)}${prog}\n`;
      }
    }
  }
  if (want('x')) text += `Active UNIX domain sockets ${scope}\nProto RefCnt Flags       Type       State         I-Node ${banner}Path\n`;
  return { chunks: [{ stream: 'out', text }], exitCode: 0 };
}
