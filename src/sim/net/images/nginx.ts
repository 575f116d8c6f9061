/**
 * The nginx image: its welcome page (docs/html/index.html, 615 bytes), nginx's own error
 * pages (src/http/ngx_http_special_response.c: CRLF lines, the version in the tail), the
 * response heads it writes (ngx_http_header_filter_module.c: Server, Date, Content-Type,
 * Content-Length, Last-Modified, Connection, ETag, Accept-Ranges), and what it listens on:
 * the image's /etc/nginx/conf.d/default.conf (`listen 80;`) unless a volume mounted at
 * /etc/nginx/conf.d brings other server blocks (the "Connecting Applications with Services"
 * tutorial mounts one with `listen 443 ssl;` and its certificate from a Secret).
 * Departure: every tag serves the same welcome page; Last-Modified/ETag are those of the
 * version we pick for `nginx`/`latest` (1.27.3's page, built 26 Nov 2024).
 */
import type { ObjectStore } from '../../model/store';
import type { Container, Pod } from '../../model/types';
import { mountedFile } from '../../kubelet/config-sources';
import { requestOf, type HttpAnswer, type HttpRequest, type Server } from './http';

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** The version `nginx`, `nginx:latest` and tags without a version run (chosen, fixed). */
export const NGINX_DEFAULT_VERSION = '1.27.3';
const STABLE_VERSION = '1.26.2';
const WELCOME_MTIME = 'Tue, 26 Nov 2024 15:55:00 GMT';
const WELCOME_ETAG = '"6745ef54-267"';

/** The nginx version an image tag runs: a full version in the tag, else the fixed ones above. */
export function nginxVersion(image: string): string {
  const tag = /:([^/:@]+)(@|$)/.exec(image)?.[1] ?? 'latest';
  const full = /^(\d+\.\d+\.\d+)/.exec(tag);
  if (full) return full[1]!;
  if (tag.startsWith('stable')) return STABLE_VERSION;
  return NGINX_DEFAULT_VERSION;
}

/** ngx_http_error_tail with the version (server_tokens on). */
function errorPage(title: string, h1: string, version: string, extra = ''): string {
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${h1}</h1></center>\r\n${extra}<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

function connection(req: HttpRequest): string {
  return req.headers.some(([k, v]) => k.toLowerCase() === 'connection' && v.toLowerCase() === 'close') ? 'close' : 'keep-alive';
}

export function nginxError(status: 400 | 404 | 502 | 504, version: string, req: HttpRequest, plainToHttps = false): HttpAnswer {
  const body =
    status === 404 ? errorPage('404 Not Found', '404 Not Found', version)
    : status === 502 ? errorPage('502 Bad Gateway', '502 Bad Gateway', version)
    : status === 504 ? errorPage('504 Gateway Time-out', '504 Gateway Time-out', version)
    : plainToHttps ? errorPage('400 The plain HTTP request was sent to HTTPS port', '400 Bad Request', version, '<center>The plain HTTP request was sent to HTTPS port</center>\r\n')
    : errorPage('400 Bad Request', '400 Bad Request', version);
  return { status, body, headers: [['Server', `nginx/${version}`], ['Date', ''], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', plainToHttps ? 'close' : connection(req)]] };
}

function welcome(version: string, req: HttpRequest): HttpAnswer {
  return {
    status: 200,
    body: NGINX_WELCOME,
    headers: [['Server', `nginx/${version}`], ['Date', ''], ['Content-Type', 'text/html'], ['Content-Length', String(NGINX_WELCOME.length)], ['Last-Modified', WELCOME_MTIME], ['Connection', connection(req)], ['ETag', WELCOME_ETAG], ['Accept-Ranges', 'bytes']],
  };
}

export interface NginxListen {
  port: number;
  ssl: boolean;
  certificate?: string;
  /** proxy_pass target of `location /`, resolved through an `upstream` block. */
  proxyPass?: string;
}

/**
 * The IPv4 listeners of nginx.conf server blocks, read simply: each `server { ... }` block's
 * `listen [ADDR:]PORT [ssl] ...;` (IPv6 `[::]:` ones skipped), its `ssl_certificate` and the
 * `proxy_pass` of its `location /` (through an `upstream NAME { server HOST[:PORT]; }` block).
 */
export function parseNginxConfig(text: string): NginxListen[] {
  const clean = text.replace(/#[^\n]*/g, '');
  const upstreams = new Map<string, string>();
  for (const m of clean.matchAll(/upstream\s+(\S+)\s*\{([^}]*)\}/g)) {
    const server = /\bserver\s+([^\s;]+)/.exec(m[2]!)?.[1];
    if (server) upstreams.set(m[1]!, server);
  }
  const out: NginxListen[] = [];
  for (const block of serverBlocks(clean)) {
    const cert = /\bssl_certificate\s+([^\s;]+)\s*;/.exec(block)?.[1];
    let proxy = /location\s+\/\s*\{[^}]*?\bproxy_pass\s+([^\s;]+)\s*;/.exec(block)?.[1];
    if (proxy) {
      const m = /^(https?):\/\/([^/:]+)(.*)$/.exec(proxy);
      const up = m ? upstreams.get(m[2]!) : undefined;
      if (m && up) proxy = `${m[1]}://${up}${m[3]}`;
    }
    for (const m of block.matchAll(/\blisten\s+([^;]+);/g)) {
      const words = m[1]!.trim().split(/\s+/);
      const addr = words[0]!;
      if (addr.startsWith('[')) continue;
      const port = Number(/(?:^|:)(\d+)$/.exec(addr)?.[1] ?? (addr.includes('.') ? 80 : NaN));
      if (!Number.isInteger(port) || port < 1 || port > 65535) continue;
      const ssl = words.includes('ssl');
      out.push({ port, ssl, ...(ssl && cert ? { certificate: cert } : {}), ...(proxy ? { proxyPass: proxy } : {}) });
    }
  }
  return out;
}

function serverBlocks(text: string): string[] {
  const out: string[] = [];
  const re = /\bserver\s*\{/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
    }
    out.push(text.slice(m.index + m[0].length, i - 1));
    re.lastIndex = i;
  }
  return out;
}

/** The image's own default.conf (docker-library nginx: `listen 80; listen [::]:80;`). */
const DEFAULT_CONF: NginxListen[] = [{ port: 80, ssl: false }];

/** What nginx listens on in this container: the server blocks under /etc/nginx/conf.d. */
export function nginxListens(store: ObjectStore | undefined, pod: Pod, c: Container, builtIn: NginxListen[] = DEFAULT_CONF): NginxListen[] {
  if (!store) return builtIn;
  const dir = mountedFile(store, pod, c, '/etc/nginx/conf.d');
  if (!dir || !('dir' in dir)) return builtIn;
  const out: NginxListen[] = [];
  for (const name of dir.dir.filter((n) => n.endsWith('.conf'))) {
    const f = mountedFile(store, pod, c, `/etc/nginx/conf.d/${name}`);
    if (f && 'file' in f) out.push(...parseNginxConfig(f.file));
  }
  return out;
}

export function nginxServers(store: ObjectStore | undefined, pod: Pod, c: Container, builtIn?: NginxListen[]): Map<number, Server> {
  const version = nginxVersion(c.image);
  const servers = new Map<number, Server>();
  for (const l of nginxListens(store, pod, c, builtIn)) {
    if (servers.has(l.port)) continue;
    const server: Server = (path, p, _client, r) => {
      const req = requestOf(path, p, l.port, r);
      if (l.ssl && req.scheme === 'http') return nginxError(400, version, req, true);
      if (l.proxyPass) return { status: 0, body: '', proxyPass: { url: l.proxyPass.replace(/\/$/, '') + req.path, version } };
      const route = req.path.split('?')[0]!;
      return route === '/' || route === '/index.html' ? welcome(version, req) : nginxError(404, version, req);
    };
    if (l.ssl) {
      const cert = l.certificate ? mountedFile(store!, pod, c, l.certificate) : undefined;
      server.tls = { serverVersion: version, ...(cert && 'file' in cert ? { certificate: cert.file } : {}) };
    }
    servers.set(l.port, server);
  }
  return servers;
}
