/**
 * One HTTP request traced hop by hop, as it really travels: name lookup through CoreDNS
 * (itself reached through kube-proxy), the connection to the resolved address (through
 * the external load balancer for a LoadBalancer IP), the entry node's service proxy
 * rewriting it (DNAT, and SNAT when the rules masquerade), the route to the chosen pod's
 * node, the answer, and conntrack undoing the rewrite on the way back. Every flow is
 * recorded in the nodes' conntrack tables and left as curl leaves it (TIME_WAIT).
 * curl, wget, nc and the request bar all use this, so they cannot disagree.
 */
import type { Simulation } from '../simulation';
import type { Pod } from '../model/types';
import { upstreamAddress } from '../dns/upstream';
import { externalHost, externalId } from './external-hosts';
import { describePacket, HopLog } from './hop-log';
import type { DataPlane, Packet } from './packet';
import { deliverExternal, deliverToPod, type DeliverInput } from './request-deliver';
import { resolveFromPod } from './request-dns';
import { workstationEntry, type Entry } from './request-entry';
import { Flow, keepConnection, keptConnection } from './request-flow';
import { connectHops, natHops, noRouteHop, verdictFailureHop } from './request-hops';
import { requestIndex } from './request-index';
import { deliverLocally, isLocalTarget } from './request-local';
import { curlError, type Client, type FailReason, type RequestOptions, type RequestResult } from './request-types';
import { nodeId, podId, WORKSTATION, WORKSTATION_IP } from './topology';
import { parseUrl, type ParsedUrl } from './url';
import { CURL_HEADERS, type HttpRequest } from './images/http';

export { SYN_TIMEOUT_MS, type Client, type RequestResult, type RequestOptions } from './request-types';

const EPHEMERAL_LOW = 32768;
const EPHEMERAL_HIGH = 60999;
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;
// URLs repeat (load experiments): parse each text once.
const URLS = new Map<string, ParsedUrl | { error: string }>();

/** The local port connect() picks (net.ipv4.ip_local_port_range 32768 60999), drawn from the traffic stream. */
export function ephemeralPort(rng: { int(n: number): number }): number {
  return EPHEMERAL_LOW + rng.int(EPHEMERAL_HIGH - EPHEMERAL_LOW + 1);
}

function parseUrlCached(text: string): ParsedUrl | { error: string } {
  let u = URLS.get(text);
  if (!u) {
    if (URLS.size > 1000) URLS.clear();
    URLS.set(text, (u = parseUrl(text)));
  }
  return u;
}

export function performRequest(sim: Simulation, plane: DataPlane, client: Client, urlText: string, opts: RequestOptions = {}): RequestResult {
  const res = traceRequest(sim, plane, client, urlText, opts);
  sim.requestObserver?.(client, res);
  return res;
}

function traceRequest(sim: Simulation, plane: DataPlane, client: Client, urlText: string, opts: RequestOptions): RequestResult {
  const url = parseUrlCached(urlText);
  if ('error' in url) return { hops: [], ok: false, host: '', port: 0, ...curlError('url', '', 0, url.error) };
  const idx = requestIndex(sim);
  const log = new HopLog();
  const rng = sim.cluster.trafficRng;
  const now = sim.cluster.clock.now();
  const pod = client.kind === 'pod' ? client.pod : undefined;
  const clientIP = pod ? pod.status.podIP! : WORKSTATION_IP;
  const clientEl = pod ? podId(pod) : WORKSTATION;
  const clientName = pod ? pod.metadata.name : 'workstation';
  let ip = url.host;
  // The connection, once there is one (a failed lookup has none).
  const conn: Conn = { log, url, ip };
  const fail = (reason: FailReason) => result(conn, curlError(reason, url.host, url.port));

  const forward = client.kind === 'workstation' ? client.forwarded?.(url.host, url.port) : undefined;
  if (forward) {
    // kubectl port-forward: the connection goes to kubectl, which streams it through the API server
    // and the kubelet into the pod's network namespace, where it connects to localhost:PORT.
    conn.ip = '127.0.0.1';
    const local = { ...url, host: 'localhost', port: forward.port };
    const answer = deliverLocally(forward.pod, local, ephemeralPort(rng), log, httpRequest(local, opts), sim.cluster.store);
    return answer ? result(conn, { ok: true, answer, servedBy: forward.pod, forwardedFrom: url.port }) : result(conn, { ...curlError('empty', url.host, url.port), forwardedFrom: url.port });
  }
  if (client.kind === 'workstation' && (url.host === 'localhost' || url.host.startsWith('127.') || url.host === '[::1]' || url.host === '::1')) {
    // The workstation itself: only a port-forward listens there (above); anything else is refused.
    conn.ip = url.host === 'localhost' ? '127.0.0.1' : url.host;
    return fail('refused');
  }
  if (pod && isLocalTarget(pod, url.host)) {
    conn.ip = url.host === 'localhost' ? '127.0.0.1' : url.host;
    const answer = deliverLocally(pod, url, ephemeralPort(rng), log, httpRequest(url, opts), sim.cluster.store);
    return answer ? result(conn, { ok: true, answer, servedBy: pod }) : fail('refused');
  }
  const kept = opts.reuseConnection ? keptConnection(plane, clientIP, url.host, url.port, now) : undefined;
  let cname: string | undefined;
  let answered: string[] | undefined;
  if (kept) ip = conn.ip = kept.syn.dst;
  else if (!IPV4.test(url.host)) {
    const r = pod ? resolveFromPod(sim, plane, idx, pod, url.host, rng, log) : workstationResolve(sim, url.host);
    if (!r) return fail('resolve');
    ip = conn.ip = r.ip;
    cname = r.cname;
    answered = r.addresses;
  }
  const ext = externalHost(ip, cname ?? (IPV4.test(url.host) ? undefined : url.host));
  const entry: Entry = pod ? { kind: 'node', node: pod.spec.nodeName!, hook: pod.spec.hostNetwork ? 'OUTPUT' : 'PREROUTING' } : workstationEntry(sim, idx, ip, ext !== undefined);
  const syn: Packet = (conn.syn = kept?.syn ?? { protocol: 'TCP', src: clientIP, sport: ephemeralPort(rng), dst: ip, dport: url.port });
  const flow = new Flow(plane, now);
  if (entry.kind === 'no-route') {
    noRouteHop(log, clientEl, clientName, syn, entry.reason);
    return fail(entry.reason === 'arp' ? 'no-route' : 'timeout');
  }
  const svcIds = idx.related(ip, url.port);
  if (entry.kind === 'external') {
    // The workstation reaches the internet directly: no node, no rules.
    connectHops(log, idx, { entry, syn, clientEl, clientName, svcIds, cname, answered, kept: false, externalTarget: ext });
    const d: DeliverInput = { idx, log, flow, syn, pkt: syn, entryNode: 'workstation', fromEl: clientEl, clientEl, clientName, path: url.path, svcIds, connectOnly: !!opts.connectOnly };
    const out = deliverExternal(d, ext!);
    return out.ok ? result(conn, { ok: true, answer: out.answer }) : fail(out.reason);
  }
  let node = entry.node;
  connectHops(log, idx, { entry, syn, clientEl, clientName, svcIds, cname, answered, kept: !!kept, externalTarget: ext });
  let verdict = plane.process(node, syn, entry.hook);
  if (verdict.verdict !== 'ACCEPT') {
    verdictFailureHop(log, node, clientEl, syn, verdict, svcIds);
    return fail(verdict.verdict === 'REJECT' ? 'refused' : 'timeout');
  }
  let pkt = verdict.packet;
  const other = pod && !kept ? idx.topo.nodeByIP.get(pkt.dst) : undefined;
  if (other && other.metadata.name !== node) {
    // Another node's address (its NodePort, say): the pod's node has no rule for it (the
    // NodePort jump matches only --dst-type LOCAL), so the packet is routed out over kind's
    // docker network and that node's PREROUTING rules take it.
    const to = other.metadata.name;
    flow.attach(verdict.ct);
    log.add({ kind: 'route', from: nodeId(node), to: nodeId(to), actor: node, title: `${node} → ${to}`, detail: describePacket(pkt), packetIn: log.view(pkt), packetOut: log.view(pkt), decidedBy: { kind: 'route', lines: ['172.18.0.0/16 dev eth0 proto kernel scope link'] }, why: `${pkt.dst} is ${to}'s own address on kind's docker network, not ${node}'s: no rule here matches it, so the packet leaves ${node} and ${to}'s rules take it.` });
    verdict = plane.process(to, pkt, 'PREROUTING');
    node = to;
    if (verdict.verdict !== 'ACCEPT') {
      verdictFailureHop(log, node, clientEl, pkt, verdict, svcIds);
      return fail(verdict.verdict === 'REJECT' ? 'refused' : 'timeout');
    }
    pkt = verdict.packet;
  }
  if (ext && !verdict.snat && pkt.src === syn.src && pod) {
    // kindnet's KIND-MASQ-AGENT masquerades pod traffic leaving the cluster network (in
    // every proxy mode: it lives in the node's iptables, not in kube-proxy's rules).
    pkt = { ...pkt, src: idx.topo.nodeIP(node) };
    verdict.snat = { to: pkt.src, rules: ['-A KIND-MASQ-AGENT -m comment --comment "kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE'] };
    const t = plane.conntrackTable?.(node)?.record(syn, { translated: pkt, now, state: 'SYN_SENT', replied: false });
    if (t) verdict.ct = t;
  }
  const entryCt = flow.attach(verdict.ct);
  natHops(log, idx, { node, syn, pkt, verdict, svcIds, kept: !!kept, entryCt, now });
  const d: DeliverInput = { idx, log, flow, syn, pkt, entryNode: node, clientEl, clientName, path: url.path, tls: url.scheme === 'https', entryCt, svcIds, connectOnly: !!opts.connectOnly, request: httpRequest(url, opts), upstream: proxyDepth < 4 ? (from, u) => proxyRequest(sim, plane, from, u) : undefined };
  if (opts.tls) d.tlsClient = opts.tls;
  const out = ext ? deliverExternal(d, ext) : deliverToPod(d);
  if (!out.ok) return out.tlsError ? result(conn, { error: out.tlsError, failure: { reason: 'tls', elapsedMs: 0 } }) : fail(out.reason);
  if (opts.reuseConnection) keepConnection(plane, clientIP, url.host, url.port, syn, node);
  else {
    flow.set('TIME_WAIT');
    plane.closed?.(node, syn);
  }
  const done: Partial<RequestResult> = { ok: true, answer: out.answer };
  if (out.servedBy) done.servedBy = out.servedBy;
  return result(conn, done);
}

let proxyDepth = 0;

/** A proxy in a pod passing the request on (nginx proxy_pass: HTTP/1.0, Connection: close, no User-Agent of its own). */
function proxyRequest(sim: Simulation, plane: DataPlane, from: Pod, url: string): RequestResult {
  proxyDepth++;
  try {
    return traceRequest(sim, plane, { kind: 'pod', pod: from }, url, { headers: [['Connection', 'close']] });
  } finally {
    proxyDepth--;
  }
}

/** The request line and headers the client sends: Host with the port when it is not the scheme's default. */
function httpRequest(url: ParsedUrl, opts: RequestOptions): Omit<HttpRequest, 'port'> {
  const dflt = url.scheme === 'https' ? 443 : 80;
  return { method: 'GET', path: url.path, host: url.port === dflt ? url.host : `${url.host}:${url.port}`, scheme: url.scheme, headers: opts.headers ?? CURL_HEADERS };
}

interface Conn {
  log: HopLog;
  url: ParsedUrl;
  /** The address connected to, once resolved. */
  ip: string;
  syn?: Packet;
}

function result(c: Conn, extra: Partial<RequestResult>): RequestResult {
  const { url, syn, ip } = c;
  const out: RequestResult = { hops: c.log.hops, ok: false, host: url.host, port: url.port, path: url.path };
  if (syn || ip !== url.host || !IPV4.test(url.host)) out.remoteIP = ip;
  if (syn) {
    out.localIP = syn.src;
    out.localPort = syn.sport;
  }
  return Object.assign(out, extra);
}

/** The workstation's resolver knows only the outside world's names (no cluster DNS outside). */
function workstationResolve(sim: Simulation, host: string): { ip: string; cname?: string; addresses: string[] } | null {
  const ip = upstreamAddress(sim.dnsContext().upstream, host.toLowerCase().replace(/\.$/, ''));
  return ip ? { ip, addresses: [ip] } : null;
}

export { externalId };
