/**
 * curl as a learner types it, from a pod or from the workstation. With -s its
 * error messages are silenced (-S brings them back); without -s it prints the
 * progress meter on stderr when its output is not a terminal (piped, redirected,
 * kubectl exec without -t), and none when the body goes to the terminal.
 * Messages follow curl 8 (lib/connect.c, lib/strerror.c).
 */
import { performRequest, type Client, type RequestResult } from '../../sim/net/request';
import type { DataPlane } from '../../sim/net/packet';
import type { Simulation } from '../../sim/simulation';
import { simTimeToIso } from '../../sim/clock';
import { socketError, type Libc } from '../print/strerror';
import { kubeProxyAnswer } from './kube-proxy-http';
import { METER_HEAD, START_LINE, meterLine } from './curl-meter';
import { parseUrl } from '../../sim/net/url';
import { writeOut, type WriteOutValues } from './curl-writeout';
import type { CommandResult, OutputChunk } from '../types';
import { reasonPhrase, type HttpAnswer } from '../../sim/net/images/http';

interface CurlArgs {
  url?: string;
  /** -o FILE: the body goes there, not to stdout (the simulator keeps no files: it is dropped). */
  output?: string;
  /** -w FORMAT: printed on stdout once the transfer is over (src/tool_writeout.c). */
  writeOut?: string;
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
      } else if (a === '--output') out.output = args[++i] ?? '';
      else if (a === '--write-out') out.writeOut = args[++i] ?? '';
      else if (['--request', '--header'].includes(a)) i++;
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
        } else if (f === 'X' || f === 'H' || f === 'o' || f === 'w') {
          // The value is the rest of the word (-o/dev/null) or the next one.
          const rest = a.slice(a.indexOf(f) + 1);
          const value = rest || args[++i] || '';
          if (f === 'o') out.output = value;
          if (f === 'w') out.writeOut = value;
          break;
        } else {
          out.error = `curl: option -${f}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
        }
      }
    } else out.url = a;
  }
  return out;
}


/** Go's http.StatusText for the codes Go servers here answer (nginx's own phrases differ: reasonPhrase). */
const GO_STATUS_TEXT: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/**
 * The response head Go's net/http writes (agnhost, kube-proxy, and what we serve): the status
 * line, the handler's own headers sorted by name (Header.WriteSubset), then the ones the server
 * adds (server.go extraHeader: Date, Content-Length, and the sniffed Content-Type when the
 * handler set none). Date follows the simulated clock.
 */
function goResponseHead(status: number, handler: [string, string][], length: number, date: string): string {
  const sorted = [...handler].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sniffed = handler.some(([k]) => k === 'Content-Type') ? [] : [['Content-Type', 'text/plain; charset=utf-8']];
  const lines = [`HTTP/1.1 ${status} ${GO_STATUS_TEXT[status] ?? ''}`, ...sorted.map(([k, v]) => `${k}: ${v}`), `Date: ${date}`, `Content-Length: ${length}`, ...sniffed.map(([k, v]) => `${k}: ${v}`), ''];
  return lines.map((l) => `${l}\r\n`).join('');
}

/** What the server answered, and the connection it came over (for -v). */
interface Exchange {
  host: string;
  port: number;
  path: string;
  ip: string;
  status: number;
  handlerHeaders: [string, string][];
  /** The whole head as a non-Go server writes it (nginx): answer.headers, a Date left empty filled from the clock. */
  serverHeaders?: [string, string][];
  body: string;
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

/** The response head: the server's own (nginx), else the one Go's net/http writes. */
function responseHead(ex: Exchange, length: number, date: string): string {
  if (!ex.serverHeaders) return goResponseHead(ex.status, ex.handlerHeaders, length, date);
  const status = `HTTP/1.1 ${ex.status} ${reasonPhrase(ex.status)}\r\n`;
  return status + ex.serverHeaders.map(([k, v]) => `${k}: ${k === 'Date' && v === '' ? date : v}\r\n`).join('') + '\r\n';
}

function exchangeOf(res: RequestResult, answer: HttpAnswer): Exchange {
  return { host: res.host, port: res.port, path: res.path ?? '/', ip: res.remoteIP!, status: answer.status, handlerHeaders: [], ...(answer.headers ? { serverHeaders: answer.headers } : {}), body: answer.body };
}

/**
 * `onNode`: curl run on that node (docker exec NODE curl ...), where localhost is the node;
 * `tty`: stdout is a terminal; `readFile`: the client's files (--cacert).
 */
export function runCurl(sim: Simulation, plane: DataPlane, client: Client, args: string[], libc: Libc, onNode?: string, tty = false, readFile?: (path: string) => string | undefined): CommandResult {
  const opts = parseCurlArgs(args);
  if (opts.error) return { chunks: [{ stream: 'err', text: opts.error }], exitCode: 2 };
  if (!opts.url) return { chunks: [{ stream: 'err', text: "curl: try 'curl --help' or 'curl --manual' for more information\n" }], exitCode: 2 };
  // src/tool_operate.c: when the body goes to a terminal, curl switches the meter off; -s always does.
  // -v does not: its trace is written between the meter's updates.
  // -o: the body goes to a file, never a terminal.
  const bodyTTY = tty && opts.output === undefined;
  const meter = !opts.silent && !bodyTTY;
  const date = new Date(simTimeToIso(sim.cluster.clock.now())).toUTCString();
  const kubeProxy = kubeProxyAnswer(sim, opts.url, onNode);
  if (kubeProxy) {
    const u = parseUrl(opts.url);
    const ex = 'error' in u ? undefined : { host: u.host, port: u.port, path: u.path, ip: u.host, status: kubeProxy.status, handlerHeaders: kubeProxy.headers, body: kubeProxy.body };
    // Departure: curl -v to kube-proxy's own servers is not traced (the node's curl is Debian's 7.88).
    if (ex) return answered(ex, { ...opts, verbose: false }, meter, bodyTTY, date, { localIP: '127.0.0.1', localPort: 0 });
  }
  if (onNode) return { chunks: [{ stream: 'err', text: `curl: on a node this simulator answers kube-proxy's endpoints (localhost:10249/proxyMode, :10256/healthz, healthCheckNodePorts) only\n` }], exitCode: 2 };
  let caCert: string | undefined;
  if (opts.caCert !== undefined && /^https:/i.test(opts.url)) {
    caCert = readFile?.(opts.caCert);
    // lib/vtls/openssl.c: the CA file is loaded before connecting (CURLE_SSL_CACERT_BADFILE 77).
    if (caCert === undefined) return { chunks: [{ stream: 'err', text: `curl: (77) error setting certificate file: ${opts.caCert}\n` }], exitCode: 77 };
  }
  const res = withTimeLimit(performRequest(sim, plane, client, opts.url, { tls: { insecure: opts.insecure, ...(caCert !== undefined ? { caCert } : {}) } }), opts.limitMs);
  if (!res.ok) return failed(res, opts, meter, libc);
  const ex = exchangeOf(res, res.answer!);
  return answered(ex, opts, meter, bodyTTY, date, { localIP: res.localIP ?? '', localPort: res.localPort ?? 0 });
}

function writeOutOf(ex: Exchange, opts: CurlArgs, local: { localIP: string; localPort: number }, size: number): WriteOutValues {
  return {
    httpCode: ex.status,
    remoteIP: ex.ip,
    remotePort: ex.port,
    ...local,
    sizeDownload: size,
    url: effectiveUrl(opts.url!),
    exitCode: 0,
    errorMessage: '',
    connects: 1,
    contentType: ex.handlerHeaders.find(([k]) => k === 'Content-Type')?.[1] ?? 'text/plain; charset=utf-8',
    seconds: 0.001,
  };
}

/** The URL as curl ends up using it: a scheme-less one is http://, a bare host gets its "/". */
function effectiveUrl(url: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*$/i.test(withScheme) ? `${withScheme}/` : withScheme;
}

/** The resolver's report curl 8 prints before connecting to a name (lib/hostip.c). */
function resolvedLines(host: string, port: number, ip: string): string {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) ? '' : `* Host ${host}:${port} was resolved.\n* IPv6: (none)\n* IPv4: ${ip}\n`;
}

/**
 * A connect that failed. With the meter, its first update (all zeros, no newline) comes
 * before the trace; the last one, with the time spent, comes when curl gives up.
 */
function failed(res: RequestResult, opts: CurlArgs, meter: boolean, libc: Libc): CommandResult {
  const chunks: OutputChunk[] = [];
  const err = (text: string) => chunks.push({ stream: 'err', text });
  const f = res.failure;
  const elapsed = f?.elapsedMs ?? 0;
  const traced = opts.verbose && f !== undefined && f.reason !== 'url';
  if (traced && f.reason !== 'resolve') err(resolvedLines(res.host, res.port, res.remoteIP ?? res.host));
  if (meter) err(METER_HEAD + (traced ? START_LINE : ''));
  if (traced) err(verboseFailure(res, libc, meter, elapsed));
  if (meter) err(`${meterLine(0, 0, elapsed)}\n`);
  if (traced) err('* closing connection #0\n');
  if (!opts.silent || opts.showError) err(`curl: (${res.error!.code}) ${res.error!.message}\n${res.error!.code === 60 ? CA_CERT_ERRORMSG : ''}`);
  if (opts.writeOut !== undefined) {
    const connected = f !== undefined && f.reason !== 'url' && f.reason !== 'resolve';
    const w = writeOut(opts.writeOut, {
      httpCode: 0,
      remoteIP: connected ? (res.remoteIP ?? '') : '',
      remotePort: connected ? res.port : 0,
      localIP: '',
      localPort: 0,
      sizeDownload: 0,
      url: effectiveUrl(opts.url!),
      exitCode: res.error!.code,
      errorMessage: res.error!.message,
      connects: 0,
      contentType: '',
      seconds: elapsed / 1000,
    });
    if (w.err) err(w.err);
    if (w.out) chunks.push({ stream: 'out', text: w.out });
  }
  return { chunks, exitCode: res.error!.code };
}

/**
 * A server's answer. curl writes the body with stdio: to a terminal stdout is line-buffered
 * (what ends in a newline shows at once, the rest when curl exits); to a pipe it is fully
 * buffered, so the body comes after everything curl wrote on stderr.
 */
function answered(ex: Exchange, opts: CurlArgs, meter: boolean, tty: boolean, date: string, local: { localIP: string; localPort: number }): CommandResult {
  const chunks: OutputChunk[] = [];
  const err = (text: string) => chunks.push({ stream: 'err', text });
  const length = utf8Length(ex.body);
  const head = responseHead(ex, length, date);
  if (opts.verbose) err(resolvedLines(ex.host, ex.port, ex.ip));
  if (meter) err(METER_HEAD + (opts.verbose ? START_LINE : ''));
  if (opts.verbose) err(verboseHead(ex, head, opts.failOnError && ex.status >= 400 ? undefined : length, tty));
  if (opts.failOnError && ex.status >= 400) {
    // -f: curl stops at the head (lib/http.c http_should_fail), before any of the body.
    if (opts.verbose) err(`* The requested URL returned error: ${ex.status}\n`);
    if (meter) err(`${meterLine(0, 0, 0)}\n`);
    if (opts.verbose) err('* closing connection #0\n');
    if (!opts.silent || opts.showError) err(`curl: (22) The requested URL returned error: ${ex.status}\n`);
    if (opts.writeOut !== undefined) {
      const w = writeOut(opts.writeOut, { ...writeOutOf(ex, opts, local, 0), exitCode: 22, errorMessage: `The requested URL returned error: ${ex.status}` });
      if (w.err) err(w.err);
      if (w.out) chunks.push({ stream: 'out', text: w.out });
    }
    return { chunks, exitCode: 22 };
  }
  if (meter) err(`${meterLine(length, length, 1)}\n`);
  // -o FILE takes the body (and -i's head); the simulator writes no file, so it is dropped.
  let stdout = opts.output === undefined ? (opts.include ? head : '') + ex.body : '';
  if (opts.writeOut !== undefined) {
    const w = writeOut(opts.writeOut, writeOutOf(ex, opts, local, length));
    if (w.err) err(w.err);
    stdout += w.out;
  }
  const cut = tty ? stdout.lastIndexOf('\n') + 1 : 0;
  if (cut > 0) chunks.push({ stream: 'out', text: stdout.slice(0, cut) });
  if (opts.verbose) err(`* Connection #0 to host ${ex.host} left intact\n`);
  if (stdout.length > cut) chunks.push({ stream: 'out', text: stdout.slice(cut) });
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

/**
 * curl -v up to a failed connect (lib/cf-socket.c "connect to ... failed", lib/connect.c failf).
 * With the meter, an update shown while the connect hangs is on the line curl's message ends.
 */
function verboseFailure(res: RequestResult, libc: Libc, meter: boolean, elapsedMs: number): string {
  const f = res.failure!;
  if (f.reason === 'url') return '';
  if (f.reason === 'resolve') return `* Could not resolve host: ${res.host}\n`;
  const ip = res.remoteIP ?? res.host;
  const waited = meter && elapsedMs >= 1000 ? meterLine(0, 0, elapsedMs - 1) : '';
  return (
    `*   Trying ${ip}:${res.port}...\n` +
    waited +
    (f.timedOut ? '' : `* connect to ${ip} port ${res.port} from ${res.localIP} port ${res.localPort} failed: ${socketError(f.reason, libc)}\n`) +
    `* ${res.error!.message}\n`
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
 * curl 8.12's -v trace up to the body (lib/connect.c, lib/http.c, src/tool_cb_dbg.c).
 * With stdout not a terminal the body itself is noted as "{ [N bytes data]" (src/tool_cb_dbg.c
 * leaves that note out when the body goes to the terminal); `length` undefined: no body read.
 * Departure: the header lines' CRs are dropped.
 */
function verboseHead(ex: Exchange, head: string, length: number | undefined, tty: boolean): string {
  return (
    `*   Trying ${ex.ip}:${ex.port}...\n` +
    `* Connected to ${ex.host} (${ex.ip}) port ${ex.port}\n` +
    '* using HTTP/1.x\n' +
    `> GET ${ex.path} HTTP/1.1\n> Host: ${ex.host}${ex.port === 80 ? '' : `:${ex.port}`}\n> User-Agent: curl/8.12.1\n> Accept: */*\n> \n` +
    '* Request completely sent off\n' +
    head.replace(/\r/g, '').replace(/^/gm, '< ').replace(/< $/, '') +
    (tty || length === undefined ? '' : `{ [${length} bytes data]\n`)
  );
}
