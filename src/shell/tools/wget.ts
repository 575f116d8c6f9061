/**
 * busybox wget: `wget -qO- URL` prints the body; errors in busybox's words
 * (networking/wget.c): "wget: bad address 'x'" when the name does not
 * resolve, "wget: can't connect to remote host (ip): Connection refused".
 */
import { performRequest, type Client } from '../../sim/net/request';
import type { DataPlane } from '../../sim/net/packet';
import type { Simulation } from '../../sim/simulation';
import { reasonPhrase } from '../../sim/net/images/http';
import { socketError, type Libc } from '../print/strerror';
import type { CommandResult, OutputChunk } from '../types';

export function runWget(sim: Simulation, plane: DataPlane, client: Client, args: string[], libc: Libc): CommandResult {
  let quiet = false;
  let toStdout = false;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-O' && args[i + 1] === '-') {
      toStdout = true;
      i++;
    } else if (a.startsWith('-') && a.length > 1) {
      if (a.includes('q')) quiet = true;
      if (a.endsWith('O-') || a === '-O-') toStdout = true;
      if (a.endsWith('O') && args[i + 1] === '-') {
        toStdout = true;
        i++;
      }
    } else url = a;
  }
  if (!url) return { chunks: [{ stream: 'err', text: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n' }], exitCode: 1 };
  // networking/wget.c: "Host: %s\r\nUser-Agent: %s\r\n" (default agent "Wget"), then "Connection: close".
  const res = performRequest(sim, plane, client, url, { headers: [['User-Agent', 'Wget'], ['Connection', 'close']], tls: { insecure: true } });
  const chunks: OutputChunk[] = [];
  const host = res.host;
  if (!quiet) chunks.push({ stream: 'err', text: `Connecting to ${host}${res.port !== 80 ? `:${res.port}` : ''} (${res.remoteIP ?? host}:${res.port})\n` });
  if (!res.ok) {
    // networking/wget.c: bb_error_msg_and_die("bad address '%s'") when the name does not
    // resolve; xconnect()'s bb_perror_msg_and_die("can't connect to remote host (%s)") with
    // the socket's strerror otherwise (the kernel gives up on a SYN long before -T 900).
    const reason = res.failure?.reason ?? 'refused';
    const msg =
      reason === 'resolve' || reason === 'url' ? `wget: bad address '${host}${res.port !== 80 ? `:${res.port}` : ''}'` : `wget: can't connect to remote host (${res.remoteIP ?? host}): ${socketError(reason, libc)}`;
    chunks.push({ stream: 'err', text: `${msg}\n` });
    return { chunks, exitCode: 1 };
  }
  const status = res.answer!.status;
  if (status >= 400) {
    // networking/wget.c: bb_error_msg_and_die("server returned error: %s", status line).
    chunks.push({ stream: 'err', text: `wget: server returned error: HTTP/1.1 ${status} ${reasonPhrase(status)}\n` });
    return { chunks, exitCode: 1 };
  }
  const body = res.answer!.body;
  if (toStdout) {
    if (!quiet) chunks.push({ stream: 'err', text: 'writing to stdout\n' });
    chunks.push({ stream: 'out', text: body });
    if (!quiet) chunks.push({ stream: 'err', text: `-                    100% |********************************|${String(body.length).padStart(6)}  0:00:00 ETA\nwritten to stdout\n` });
  } else if (!quiet) {
    chunks.push({ stream: 'err', text: `saving to 'index.html'\nindex.html           100% |********************************|${String(body.length).padStart(6)}  0:00:00 ETA\n'index.html' saved\n` });
  }
  return { chunks, exitCode: 0 };
}
