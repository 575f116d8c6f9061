/** What a server in a pod sees of a request and what it answers. */
import type { Pod } from '../../model/types';

export interface HttpRequest {
  method: string;
  /** The request target, query included ("/path?x=1"). */
  path: string;
  /** The Host header as the client sent it ("my-nginx", "10.96.0.5:8080"). */
  host: string;
  /** The port the server accepted the connection on (after any DNAT). */
  port: number;
  scheme: 'http' | 'https';
  /** The client's other headers in the order it sent them (curl: User-Agent, Accept). */
  headers: [string, string][];
}

export interface HttpAnswer {
  status: number;
  body: string;
  /**
   * The response headers in the server's order; a Date with an empty value is filled in by the
   * client from the simulated clock. Without it the client prints Go net/http's head (agnhost).
   */
  headers?: [string, string][];
  /** A reverse proxy (nginx proxy_pass): the request goes on to this URL from the pod (request.ts). */
  proxyPass?: { url: string; version: string };
}

export interface TlsConfig {
  /** The certificate nginx presents (PEM), from ssl_certificate; undefined when the file is missing. */
  certificate?: string;
  /** The server's version for its error pages. */
  serverVersion: string;
}

export type Server = ((path: string, pod: Pod, clientAddr: string, req?: HttpRequest) => HttpAnswer) & { tls?: TlsConfig };

/** The headers curl 8 sends besides Host (lib/http.c): what a request from the request bar carries too. */
export const CURL_HEADERS: [string, string][] = [['User-Agent', 'curl/8.12.1'], ['Accept', '*/*']];

/** A request with the client's defaults (curl), for servers called without one (probes, tests). */
export function requestOf(path: string, pod: Pod, port: number, req?: HttpRequest): HttpRequest {
  return req ?? { method: 'GET', path, host: `${pod.status.podIP ?? ''}:${port}`, port, scheme: 'http', headers: CURL_HEADERS };
}

/** The reason phrases the servers here use (nginx's ngx_http_status_lines, Go's net/http StatusText). */
export function reasonPhrase(status: number): string {
  switch (status) {
    case 200: return 'OK';
    case 400: return 'Bad Request';
    case 401: return 'Unauthorized';
    case 404: return 'Not Found';
    case 502: return 'Bad Gateway';
    case 504: return 'Gateway Time-out';
    default: return '';
  }
}
