/**
 * The simulated internet: the upstream hosts CoreDNS forwards to (UPSTREAM_HOSTS in
 * simulation.ts, and the stand-in addresses of any other outside name, dns/upstream.ts)
 * answer HTTP on port 80 and nothing else (other ports are filtered, so
 * a connection times out, as on most internet hosts).
 * Departure: every host serves a small fixed page; real example.com serves IANA's
 * "Example Domain" page (reproduced here) and kubernetes.io redirects to https.
 */
import { isStandInAddress } from '../dns/upstream';
import { UPSTREAM_HOSTS } from '../simulation';
import type { HttpAnswer } from './servers';

const EXAMPLE_DOMAIN = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>
</head>

<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;

/** The first name each upstream address is known by, for the "external:HOST" element. */
const HOST_BY_IP = new Map<string, string>();
for (const [name, ip] of Object.entries(UPSTREAM_HOSTS)) if (!HOST_BY_IP.has(ip)) HOST_BY_IP.set(ip, name);

/**
 * The outside host holding `ip`, named as the client knew it: a known upstream name, or for a
 * stand-in address (dns/upstream.ts) the name that resolved to it (else the address itself).
 */
export function externalHost(ip: string, resolvedFrom?: string): string | undefined {
  const known = HOST_BY_IP.get(ip);
  if (known) return known;
  return isStandInAddress(ip) ? (resolvedFrom ?? ip) : undefined;
}

export const externalId = (host: string): string => `external:${host}`;

/** What the host answers on this port, or undefined when nothing answers (filtered). */
export function externalAnswer(host: string, port: number): HttpAnswer | undefined {
  if (port !== 80) return undefined;
  return { status: 200, body: host.endsWith('example.com') ? EXAMPLE_DOMAIN : `<!doctype html><title>${host}</title>\n` };
}
