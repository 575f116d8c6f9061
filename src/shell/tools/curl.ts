/**
 * curl as a learner types it, from a pod or from the workstation. With -s its
 * error messages are silenced (-S brings them back); without -s it prints the
 * progress meter on stderr, as it does when its output is not a terminal
 * (kubectl exec without -t).
 * Messages follow curl 8 (lib/connect.c, lib/strerror.c).
 */
import { performRequest, type Client, type RequestResult } from '../../sim/net/request';
import type { DataPlane } from '../../sim/net/packet';
import type { Simulation } from '../../sim/simulation';
import { simTimeToIso } from '../../sim/clock';
import { socketError, type Libc } from '../print/strerror';
import type { CommandResult, OutputChunk } from '../types';
import { reasonPhrase, type HttpAnswer } from '../../sim/net/images/http';

interface CurlArgs {
  url?: string;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  failOnError: boolean;
  /** -k/--insecure: no certificate check. */
  insecure: boolean;
  /** --cacert FILE. */
  caCert?: string;
  /** -m/--max-time and --connect-timeout, in milliseconds: the smaller one bounds a connect. */
  limitMs?: number;
  error?: string;
}

/** curl's seconds argument (src/tool_paramhlp.c secs2ms: a decimal number), or its error. */
function seconds(flag: string, value: string | undefined): number | string {
  if (value === undefined) return `curl: option ${flag}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(value)) return `curl: option ${flag}: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
  return Math.round(Number(value) * 1000);
}

function parseCurlArgs(args: string[]): CurlArgs {
  const out: CurlArgs = { silent: false, showError: false, verbose: false, include: false, failOnError: false, insecure: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      if (a === '--silent') out.silent = true;
      else if (a === '--show-error') out.showError = true;
      else if (a === '--verbose') out.verbose = true;
      else if (a === '--include') out.include = true;
      else if (a === '--fail') out.failOnError = true;
      else if (a === '--insecure') out.insecure = true;
      else if (a === '--cacert') {
        const v = args[++i];
        if (v === undefined) out.error = `curl: option --cacert: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
        else out.caCert = v;
      }
      else if (a === '--max-time' || a === '--connect-timeout') {
        const ms = seconds(a, args[++i]);
        if (typeof ms === 'string') out.error = ms;
        else out.limitMs = Math.min(out.limitMs ?? Infinity, ms);
      } else if (['--request', '--header', '--output'].includes(a)) i++;
      else out.error = `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const f of a.slice(1)) {
        if (f === 's') out.silent = true;
        else if (f === 'S') out.showError = true;
        else if (f === 'v') out.verbose = true;
        else if (f === 'i') out.include = true;
        else if (f === 'f') out.failOnError = true;
        else if (f === 'k') out.insecure = true;
        else if (f === 'L') continue;
        else if (f === 'm') {
          // -m5 or -m 5.
          const rest = a.slice(a.indexOf('m') + 1);
          const ms = seconds('-m', rest || args[++i]);
          if (typeof ms === 'string') out.error = ms;
          else out.limitMs = Math.min(out.limitMs ?? Infinity, ms);
          break;
        } else if (f === 'X' || f === 'H' || f === 'o') {
          i++;
          break;
        } else {
          out.error = `curl: option -${f}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
        }
      }
    } else out.url = a;
  }
  return out;
}

const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

function meterLine(bytes: number): string {
  const pad = (s: string | number, w: number) => String(s).padStart(w);
  const speed = bytes * 1000;
  // lib/progress.c max5data: below 100000 the plain number, then whole KiB (integer division) with a k.
  const kb = (n: number) => (n >= 100000 ? `${Math.floor(n / 1024)}k` : String(n));
  return `${pad(100, 3)} ${pad(bytes, 5)}  ${pad(100, 3)} ${pad(bytes, 5)}    0     0  ${pad(kb(speed), 5)}      0 --:--:-- --:--:-- --:--:-- ${pad(kb(speed), 5)}\n`;
}

function failedMeter(): string {
  return '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n';
}

/**
 * What curl prints after a certificate it could not verify (src/tool_operate.c, CURL_CA_CERT_ERRORMSG
 * after "curl: (60) ...").
 */
const CA_CERT_ERRORMSG =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the webpage mentioned above.\n';

export function runCurl(sim: Simulation, plane: DataPlane, client: Client, args: string[], libc: Libc, readFile?: (path: string) => string | undefined): CommandResult {
  const opts = parseCurlArgs(args);
  if (opts.error) return { chunks: [{ stream: 'err', text: opts.error }], exitCode: 2 };
  if (!opts.url) return { chunks: [{ stream: 'err', text: "curl: try 'curl --help' or 'curl --manual' for more information\n" }], exitCode: 2 };
  let caCert: string | undefined;
  if (opts.caCert !== undefined && /^https:/i.test(opts.url)) {
    caCert = readFile?.(opts.caCert);
    // lib/vtls/openssl.c: the CA file is loaded before connecting (CURLE_SSL_CACERT_BADFILE 77).
    if (caCert === undefined) return { chunks: [{ stream: 'err', text: `curl: (77) error setting certificate file: ${opts.caCert}\n` }], exitCode: 77 };
  }
  const res = withTimeLimit(performRequest(sim, plane, client, opts.url, { tls: { insecure: opts.insecure, ...(caCert !== undefined ? { caCert } : {}) } }), opts.limitMs);
  const chunks: OutputChunk[] = [];
  const meter = !opts.silent && !opts.verbose;
  if (meter) chunks.push({ stream: 'err', text: METER_HEAD });
  if (!res.ok) {
    if (meter) chunks.push({ stream: 'err', text: failedMeter() });
    if (opts.verbose) chunks.push({ stream: 'err', text: verboseFailure(res, libc) });
    if (!opts.silent || opts.showError) chunks.push({ stream: 'err', text: `curl: (${res.error!.code}) ${res.error!.message}\n${res.error!.code === 60 ? CA_CERT_ERRORMSG : ''}` });
    return { chunks, exitCode: res.error!.code };
  }
  const answer = res.answer!;
  const body = answer.body;
  const date = new Date(simTimeToIso(sim.cluster.clock.now())).toUTCString();
  if (opts.failOnError && answer.status >= 400) {
    // lib/http.c Curl_http_firstwrite / http_should_fail: -f stops before the body, exit 22.
    if (meter) chunks.push({ stream: 'err', text: failedMeter() });
    if (opts.verbose) chunks.push({ stream: 'err', text: verboseHead(res.host, res.port, res.remoteIP!, res.path ?? '/', responseHead(answer, utf8Length(body), date)).replace(/\{ \[\d+ bytes data\]\n$/, '') });
    if (!opts.silent || opts.showError) chunks.push({ stream: 'err', text: `curl: (22) The requested URL returned error: ${answer.status}\n` });
    return { chunks, exitCode: 22 };
  }
  const head = responseHead(answer, utf8Length(body), date);
  if (meter) chunks.push({ stream: 'err', text: meterLine(utf8Length(body)) });
  if (opts.verbose) chunks.push({ stream: 'err', text: verboseHead(res.host, res.port, res.remoteIP!, res.path ?? '/', head) });
  if (opts.include) chunks.push({ stream: 'out', text: head });
  chunks.push({ stream: 'out', text: body });
  if (opts.verbose) chunks.push({ stream: 'err', text: `* Connection #0 to host ${res.host} left intact\n` });
  return { chunks, exitCode: 0 };
}

/**
 * -m/--connect-timeout shorter than a connect that hangs: curl gives up while connecting
 * (lib/multi.c multi_handle_timeout: "Connection timed out after N milliseconds", code 28),
 * N the time since the transfer started; here the limit plus the 1 ms curl usually overshoots.
 */
function withTimeLimit(res: RequestResult, limitMs: number | undefined): RequestResult {
  const f = res.failure;
  if (limitMs === undefined || !f || f.reason === 'url' || f.reason === 'resolve' || f.elapsedMs <= limitMs) return res;
  const since = limitMs + 1;
  return { ...res, error: { code: 28, message: `Connection timed out after ${since} milliseconds` }, failure: { ...f, elapsedMs: since, timedOut: true } };
}

/** curl -v up to a failed connect (lib/cf-socket.c "connect to ... failed", lib/connect.c failf). */
function verboseFailure(res: RequestResult, libc: Libc): string {
  const f = res.failure;
  if (!f || f.reason === 'url') return '';
  if (f.reason === 'resolve') return `* Could not resolve host: ${res.host}\n* closing connection #0\n`;
  const ip = res.remoteIP ?? res.host;
  const resolved = /^\d+\.\d+\.\d+\.\d+$/.test(res.host) ? '' : `* Host ${res.host}:${res.port} was resolved.\n* IPv6: (none)\n* IPv4: ${ip}\n`;
  return (
    resolved +
    `*   Trying ${ip}:${res.port}...\n` +
    (f.timedOut ? '' : `* connect to ${ip} port ${res.port} from ${res.localIP} port ${res.localPort} failed: ${socketError(f.reason, libc)}\n`) +
    `* ${res.error!.message}\n* closing connection #0\n`
  );
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * The response head as the server wrote it (answer.headers, a Date left empty filled from the
 * simulated clock), else the one Go's net/http writes (agnhost, and what we serve).
 */
function responseHead(answer: HttpAnswer, length: number, date: string): string {
  const status = `HTTP/1.1 ${answer.status} ${reasonPhrase(answer.status)}\r\n`;
  const headers = answer.headers ?? [['Date', ''], ['Content-Length', String(length)], ['Content-Type', 'text/plain; charset=utf-8']];
  return status + headers.map(([k, v]) => `${k}: ${k === 'Date' && v === '' ? date : v}\r\n`).join('') + '\r\n';
}

/**
 * curl 8.12's -v trace up to the body (lib/connect.c, lib/http.c, src/tool_cb_dbg.c).
 * With stdout not a terminal (kubectl exec without -t) the body itself is noted as "{ [N bytes data]".
 * Departure: the header lines' CRs are dropped.
 */
function verboseHead(host: string, port: number, ip: string, path: string, head: string): string {
  const length = /^Content-Length: (\d+)/m.exec(head)?.[1];
  const resolved = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? '' : `* Host ${host}:${port} was resolved.\n* IPv6: (none)\n* IPv4: ${ip}\n`;
  return (
    resolved +
    `*   Trying ${ip}:${port}...\n` +
    `* Connected to ${host} (${ip}) port ${port}\n` +
    '* using HTTP/1.x\n' +
    `> GET ${path} HTTP/1.1\n> Host: ${host}${port === 80 ? '' : `:${port}`}\n> User-Agent: curl/8.12.1\n> Accept: */*\n> \n` +
    '* Request completely sent off\n' +
    head.replace(/\r/g, '').replace(/^/gm, '< ').replace(/< $/, '') +
    (length ? `{ [${length} bytes data]\n` : '')
  );
}
