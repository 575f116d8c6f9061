/**
 * strerror() as the C library inside a container spells it: the tools print the socket
 * error after their own words (busybox wget's "can't connect to remote host (IP): %m",
 * netcat-openbsd's warn(), curl -v's "connect to ... failed: %s" via Curl_strerror).
 * glibc (Debian images, busybox's default glibc build, the workstation) and musl (Alpine
 * images: agnhost, alpine, curlimages/curl, busybox:*-musl) disagree on a few network errors:
 * - glibc sysdeps/gnu/errlist.h: ETIMEDOUT "Connection timed out", EHOSTUNREACH "No route
 *   to host", ENETUNREACH "Network is unreachable" (uClibc-ng's _string_syserrmsgs.c
 *   copies these, so busybox:*-uclibc prints them too);
 * - musl src/errno/__strerror.h (since 1.1.x): ETIMEDOUT "Operation timed out",
 *   EHOSTUNREACH "Host is unreachable", ENETUNREACH "Network unreachable".
 * ECONNREFUSED is "Connection refused" in all of them.
 */
import type { FailReason } from '../../sim/net/request-types';

export type Libc = 'glibc' | 'musl';
export type Errno = 'ECONNREFUSED' | 'ETIMEDOUT' | 'EHOSTUNREACH' | 'ENETUNREACH' | 'ECONNRESET';

const TEXTS: Record<Libc, Record<Errno, string>> = {
  glibc: { ECONNREFUSED: 'Connection refused', ETIMEDOUT: 'Connection timed out', EHOSTUNREACH: 'No route to host', ENETUNREACH: 'Network is unreachable', ECONNRESET: 'Connection reset by peer' },
  musl: { ECONNREFUSED: 'Connection refused', ETIMEDOUT: 'Operation timed out', EHOSTUNREACH: 'Host is unreachable', ENETUNREACH: 'Network unreachable', ECONNRESET: 'Connection reset by peer' },
};

export function strerror(errno: Errno, libc: Libc): string {
  return TEXTS[libc][errno];
}

/** The errno connect() fails with for each way a simulated connection fails. */
const ERRNO_OF: Record<Exclude<FailReason, 'url' | 'resolve'>, Errno> = {
  refused: 'ECONNREFUSED',
  timeout: 'ETIMEDOUT',
  'no-route': 'EHOSTUNREACH',
  // A port-forward closing a connection it could not complete in the pod: the reader sees it end.
  empty: 'ECONNRESET',
  // A TLS handshake the server does not answer as TLS: the tools report the connection dropped.
  tls: 'ECONNRESET',
};

/** The socket error text a tool prints after a failed connect. */
export function socketError(reason: Exclude<FailReason, 'url' | 'resolve'>, libc: Libc): string {
  return strerror(ERRNO_OF[reason], libc);
}
