/**
 * `nc -zv HOST PORT`: connect, report, close (nothing is sent). Two netcats:
 * - netcat-openbsd (agnhost: Alpine's package, Debian's port): connection_info() prints
 *   "Connection to HOST (IP) PORT port [tcp/SERVICE] succeeded!" on stderr (the IP only
 *   when HOST is a name), the service from /etc/services or "*"; a failed connect is
 *   warn("connect to %s port %s (%s) failed") with the socket's strerror; a name that
 *   does not resolve is errx("getaddrinfo for host \"%s\" port %s: %s") with musl's text.
 * - busybox nc (nc_bloaty.c): "HOST (IP:PORT) open"; with a single -v a refusal prints
 *   nothing, other errors bb_perror_msg("HOST (IP:PORT)").
 * Exit status 0 when the connection succeeded, 1 otherwise.
 */
import { performRequest, type Client } from '../../sim/net/request';
import type { DataPlane } from '../../sim/net/packet';
import type { Simulation } from '../../sim/simulation';
import { socketError, type Libc } from '../print/strerror';
import type { CommandResult } from '../types';

/** Alpine's /etc/services names for the ports a learner is likely to probe. */
const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 8080: 'http-alt' };

export type NcFlavor = 'openbsd' | 'busybox';

export function runNc(sim: Simulation, plane: DataPlane, client: Client, args: string[], flavor: NcFlavor, libc: Libc): CommandResult {
  let verbose = 0;
  let numeric = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-w' || a === '-W') i++;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'v') verbose++;
        else if (f === 'n') numeric = true;
      }
    } else rest.push(a);
  }
  const [host, port] = rest;
  const err = (text: string, code = 1): CommandResult => ({ chunks: text ? [{ stream: 'err', text }] : [], exitCode: code });
  if (!host || !port) return err(flavor === 'openbsd' ? 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n' : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n');
  if (!/^\d+$/.test(port) || Number(port) > 65535) return err(flavor === 'openbsd' ? `nc: port number invalid: ${port}\n` : `nc: bad port '${port}'\n`);
  // -z or not: with nothing on stdin to relay, nc only connects here.
  const res = performRequest(sim, plane, client, `http://${host}:${port}/`, { connectOnly: true });
  const ip = res.remoteIP ?? host;
  const isName = ip !== host;
  if (flavor === 'busybox') {
    if (res.ok) return err(verbose ? `${host} (${ip}:${port}) open\n` : '', 0);
    if (res.failure?.reason === 'resolve') return err(`nc: bad address '${host}'\n`);
    const reason = res.failure?.reason === 'url' || !res.failure ? 'refused' : res.failure.reason;
    return err(verbose > 1 || (verbose && reason !== 'refused') ? `nc: ${host} (${ip}:${port}): ${socketError(reason, libc)}\n` : '');
  }
  if (res.ok) {
    const service = numeric ? '*' : (SERVICES[Number(port)] ?? '*');
    return err(verbose ? `Connection to ${host}${isName && !numeric ? ` (${ip})` : ''} ${port} port [tcp/${service}] succeeded!\n` : '', 0);
  }
  if (res.failure?.reason === 'resolve') return err(`nc: getaddrinfo for host "${host}" port ${port}: Name does not resolve\n`);
  const reason = res.failure?.reason === 'url' || !res.failure ? 'refused' : res.failure.reason;
  return err(verbose ? `nc: connect to ${host} port ${port} (tcp) failed: ${socketError(reason, libc)}\n` : '');
}
