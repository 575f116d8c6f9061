/** The shapes a traced request takes and the clients' failure texts (curl 8's words). */
import type { Pod } from '../model/types';
import type { Hop } from '../view/snapshot';
import type { HttpAnswer } from './servers';

/**
 * Who sends a request. The workstation's `forwarded` answers for a local address and port a
 * `kubectl port-forward` listens on: the pod and the port inside it the connection reaches.
 */
export type Client = { kind: 'pod'; pod: Pod } | { kind: 'workstation'; forwarded?: (host: string, port: number) => { pod: Pod; port: number } | undefined };

/** Why a connection failed, in the socket's terms, so each tool can word it its own way. */
/** 'empty': connected, then closed without a reply (a port-forward whose pod end refused); 'tls': a TLS handshake not answered as TLS. */
export type FailReason = 'url' | 'resolve' | 'refused' | 'timeout' | 'no-route' | 'empty' | 'tls';

export interface RequestResult {
  hops: Hop[];
  ok: boolean;
  answer?: HttpAnswer;
  /** curl's exit code and message when it failed. */
  error?: { code: number; message: string };
  /** Why it failed, for tools that word failures their own way (wget, nc, curl -v). */
  /** timedOut: the client's own time limit (curl -m) ended the connect, not the kernel. */
  failure?: { reason: FailReason; elapsedMs: number; timedOut?: boolean };
  host: string;
  port: number;
  servedBy?: Pod;
  /** The address connected to (after DNS). */
  remoteIP?: string;
  /** The client's own address and port for this connection. */
  localIP?: string;
  localPort?: number;
  /** The request path, as curl sends it. */
  path?: string;
  /** The local port a kubectl port-forward took this connection on (it prints "Handling connection for N"). */
  forwardedFrom?: number;
}

export interface RequestOptions {
  /**
   * A keep-alive client: reuse this client's established connection to the same host and
   * port if it has one (no DNS, no new NAT decision: conntrack keeps the first backend),
   * and leave the connection open afterwards instead of closing it.
   */
  reuseConnection?: boolean;
  /** Connect and close without sending anything (nc -z): no HTTP exchange. */
  connectOnly?: boolean;
  /** The headers the client sends besides Host, in its order (default: curl's). */
  headers?: [string, string][];
  /**
   * How an https:// client checks the server's certificate: `insecure` (curl -k, busybox wget,
   * which verifies nothing) or against `caCert` (curl --cacert: the PEM it trusts); otherwise
   * the client's default CA bundle, which trusts no certificate made in the cluster.
   */
  tls?: { insecure?: boolean; caCert?: string };
}

/** How long a SYN into a black hole waits before the kernel gives up (tcp_syn_retries=6). */
export const SYN_TIMEOUT_MS = 134_000;
/** An address on the local network that no one holds: ARP gives up after 3 probes (~3 s). */
export const ARP_TIMEOUT_MS = 3_068;

/**
 * curl 8's exit codes and failf texts (lib/connect.c, lib/hostip.c): a refused or
 * unreachable connect is 7, the kernel giving up on a SYN is 28, both saying
 * "Couldn't connect to server" after the elapsed time.
 */
export function curlError(reason: FailReason, host: string, port: number, detail = ''): Pick<RequestResult, 'error' | 'failure'> {
  const r = (code: number, message: string, elapsedMs = 0) => ({ error: { code, message }, failure: { reason, elapsedMs } });
  switch (reason) {
    case 'url':
      return r(3, detail);
    case 'resolve':
      return r(6, `Could not resolve host: ${host}`);
    case 'refused':
      return r(7, `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`);
    case 'no-route':
      return r(7, `Failed to connect to ${host} port ${port} after ${ARP_TIMEOUT_MS} ms: Couldn't connect to server`, ARP_TIMEOUT_MS);
    case 'tls':
      return r(35, detail || 'TLS connect error');
    case 'timeout':
      return r(28, `Failed to connect to ${host} port ${port} after ${SYN_TIMEOUT_MS} ms: Couldn't connect to server`, SYN_TIMEOUT_MS);
    case 'empty':
      // lib/transfer.c: the connection closed before any byte of a reply (CURLE_GOT_NOTHING).
      return r(52, 'Empty reply from server');
  }
}
