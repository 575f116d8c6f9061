/**
 * kube-proxy's own HTTP endpoints on a node:
 * - the metrics server's /proxyMode on 127.0.0.1:10249 (cmd/kube-proxy/app/server.go: the mode
 *   written with fmt.Fprintf(w, "%s", mode), no newline);
 * - the health server's /healthz on :10256 (pkg/proxy/healthcheck/proxy_health.go:
 *   `{"lastUpdated": %q,"currentTime": %q, "nodeEligible": %v}` of two time.Time values, which
 *   %q prints with Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST m=+SECONDS.NNNNNNNNN",
 *   the monotonic reading counted from kube-proxy's start; a healthy proxy reports lastUpdated
 *   = currentTime);
 * - every Service's healthCheckNodePort (externalTrafficPolicy: Local) on every node
 *   (pkg/proxy/healthcheck/service_health.go: the dedented JSON with the node's ready endpoint
 *   count, 200 when it is not 0, else 503).
 * Returns undefined for anything else.
 */
import type { Service } from '../../sim/model/types';
import { simTimeToIso } from '../../sim/clock';
import { nodeInternalIP } from '../../sim/net/topology';
import { parseUrl } from '../../sim/net/url';
import type { Simulation } from '../../sim/simulation';

export interface LocalAnswer {
  status: number;
  body: string;
  /** The headers the handler sets (Go's server adds Date, Content-Length, a sniffed Content-Type). */
  headers: [string, string][];
}

const JSON_HEADERS: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['X-Content-Type-Options', 'nosniff'],
];
/** net/http's NotFound: http.Error sets these two. */
const NOT_FOUND: LocalAnswer = {
  status: 404,
  body: '404 page not found\n',
  headers: [
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['X-Content-Type-Options', 'nosniff'],
  ],
};

/** Go's Time.String() of a simulated instant, with the monotonic reading since `since`. */
function goTime(at: number, since: number): string {
  const iso = simTimeToIso(at);
  const [date, time] = iso.replace(/Z$/, '').split('T') as [string, string];
  const [hms, frac] = time.split('.') as [string, string?];
  const fraction = frac ? `.${frac.replace(/0+$/, '')}`.replace(/^\.$/, '') : '';
  return `${date} ${hms}${fraction} +0000 UTC m=+${(at - since).toFixed(9)}`;
}

function localReadyEndpoints(sim: Simulation, svc: Service, node: string): number {
  let n = 0;
  for (const slice of sim.cluster.store.list('EndpointSlice', svc.metadata.namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    for (const ep of slice.endpoints) if (ep.conditions.ready && ep.nodeName === node) n += ep.addresses.length;
  }
  return n;
}

export function serviceHealthBody(svc: Service, count: number): string {
  return `{\n\t"service": {\n\t\t"namespace": ${JSON.stringify(svc.metadata.namespace)},\n\t\t"name": ${JSON.stringify(svc.metadata.name)}\n\t},\n\t"localEndpoints": ${count},\n\t"serviceProxyHealthy": true\n}`;
}

/**
 * What kube-proxy on a node answers for a URL: asked on the node itself (`onNode`, where
 * localhost is that node) or from elsewhere (a node's own IP picks the node).
 */
export function kubeProxyAnswer(sim: Simulation, url: string, onNode?: string): LocalAnswer | undefined {
  const u = parseUrl(url);
  if ('error' in u || u.scheme !== 'http') return undefined;
  const local = u.host === 'localhost' || u.host === '127.0.0.1';
  const nodes = sim.cluster.store.list('Node');
  const node = local ? nodes.find((n) => n.metadata.name === onNode) : nodes.find((n) => nodeInternalIP(n) === u.host);
  if (!node) return undefined;
  const name = node.metadata.name;
  const path = u.path.replace(/[?#].*$/, '');
  if (u.port === 10249 && local) return path === '/proxyMode' ? { status: 200, body: sim.config.proxyMode, headers: [] } : path === '/' ? undefined : NOT_FOUND;
  if (u.port === 10256) {
    if (path !== '/healthz' && path !== '/livez') return NOT_FOUND;
    const proxy = sim.cluster.store.list('Pod', 'kube-system').find((p) => p.spec.nodeName === name && p.metadata.name.startsWith('kube-proxy-'));
    const now = sim.cluster.clock.now();
    const t = goTime(now, proxy?.status.startTime ?? 0);
    const eligible = path === '/healthz' ? `, "nodeEligible": ${node.metadata.deletionTimestamp === undefined}` : '';
    return { status: 200, body: `{"lastUpdated": "${t}","currentTime": "${t}"${eligible}}`, headers: JSON_HEADERS };
  }
  const svc = sim.cluster.store.list('Service').find((s) => s.spec.externalTrafficPolicy === 'Local' && s.spec.healthCheckNodePort === u.port);
  if (!svc) return undefined;
  const count = localReadyEndpoints(sim, svc, name);
  // service_health.go (since v1.28, kubernetes#118999) also reports the count as the endpoint's weight.
  return { status: count > 0 ? 200 : 503, body: serviceHealthBody(svc, count), headers: [...JSON_HEADERS, ['X-Load-Balancing-Endpoint-Weight', String(count)]] };
}
