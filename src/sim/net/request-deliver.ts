/**
 * The second half of a request, after the entry node's rules chose the destination:
 * the route to the backend's node, the pod accepting (or resetting) the connection, its
 * answer, and the reply that conntrack on the entry node rewrites back to the address the
 * client dialled. The reply hop shows the real conntrack entry as `conntrack -L` prints it.
 */
import type { Pod } from '../model/types';
import { formatConntrackEntry, type CtEntry } from './conntrack';
import { externalAnswer, externalId } from './external-hosts';
import { describePacket, type HopLog } from './hop-log';
import type { Packet } from './packet';
import type { Flow } from './request-flow';
import type { RequestIndex } from './request-index';
import { unheldOnKindNetwork } from './request-entry';
import type { FailReason } from './request-types';
import type { Hop } from '../view/snapshot';
import { nginxError } from './images/nginx';
import { requestOf } from './images/http';
import { verifyTls } from './images/tls';
import type { HttpAnswer, HttpRequest } from './servers';
import { nodeId, podId, proxyId } from './topology';

export interface DeliverInput {
  idx: RequestIndex;
  log: HopLog;
  flow: Flow;
  /** The connection as the client made it and as it left the entry node. */
  syn: Packet;
  pkt: Packet;
  entryNode: string;
  /** Where the packet leaves for the outside, when not the entry node (the workstation itself). */
  fromEl?: string;
  clientEl: string;
  clientName: string;
  path: string;
  /** An https:// URL: only the kubelet's port tells (pods in the simulator serve plain HTTP). */
  tls?: boolean;
  entryCt?: CtEntry;
  svcIds: string[];
  /** Only connect (nc -z): the server accepts and nothing is sent. */
  connectOnly?: boolean;
  /** The HTTP request as the client sends it (Host header, its headers). */
  request?: Omit<HttpRequest, 'port'>;
  /** How the client checks a certificate (https:// only). */
  tlsClient?: { insecure?: boolean; caCert?: string };
  /** A request a server in a pod makes on to another (nginx proxy_pass), traced from that pod. */
  upstream?: (from: Pod, url: string) => { hops: Hop[]; ok: boolean; answer?: HttpAnswer; failure?: { reason: FailReason } };
}

const ACCEPTED: HttpAnswer = { status: 0, body: '' };

export type DeliverOutcome = { ok: true; answer: HttpAnswer; servedBy?: Pod } | { ok: false; reason: FailReason; tlsError?: { code: number; message: string } };

/** Delivers to an external host (ExternalName targets, upstream names): no proxying, kindnet's masquerade only. */
export function deliverExternal(d: DeliverInput, host: string): DeliverOutcome {
  const { log, pkt } = d;
  const el = externalId(host);
  const from = d.fromEl ?? nodeId(d.entryNode);
  log.add({ kind: 'route', from, to: el, actor: d.entryNode, title: `${d.entryNode} → ${host}`, detail: describePacket(pkt), packetIn: log.view(pkt), packetOut: log.view(pkt), decidedBy: { kind: 'route', lines: ['default via 172.18.0.1 dev eth0'] }, why: d.fromEl ? `${pkt.dst} is on the internet: the workstation's default route reaches it directly, no cluster involved.` : `${pkt.dst} is outside the cluster: the node's default route sends it out through kind's docker network to ${host}. No kube-proxy rule touched it.` });
  const answer = externalAnswer(host, pkt.dport);
  if (!answer) {
    d.flow.unreplied();
    log.add({ kind: 'drop', from: el, to: el, actor: host, title: `${host} does not answer on port ${pkt.dport}`, detail: describePacket(pkt), packetIn: log.view(pkt), decidedBy: null, why: `Internet hosts filter ports they do not serve: the SYN is never answered and the client waits until its kernel gives up.` });
    return { ok: false, reason: 'timeout' };
  }
  d.flow.set('ESTABLISHED');
  log.add({ kind: 'deliver', from, to: el, actor: host, title: d.connectOnly ? `${host} accepts the connection` : `${host} receives the request`, detail: d.connectOnly ? `SYN on :${pkt.dport}` : `GET ${d.path} on :${pkt.dport}`, packetIn: log.view(pkt, d.connectOnly ? 'SYN' : `GET ${d.path}`), decidedBy: null, why: `${host} is a server on the internet; it answers whoever connects.` });
  const got = d.connectOnly ? ACCEPTED : answer;
  reply(d, el, from, got, pkt);
  return { ok: true, answer: got };
}

/** The kubelet's API port on every node (KubeletConfiguration port, k/k pkg/cluster/ports/ports.go KubeletPort). */
export const KUBELET_PORT = 10250;

/**
 * What the kubelet's API server answers a plain-HTTP request: it serves TLS only, and Go's
 * net/http (src/net/http/server.go, the "client sent an HTTP request to an HTTPS server" check)
 * answers a request that is not a TLS handshake with this 400. The simulator sends plain HTTP
 * (its curl models no TLS), so this is the answer a NodePort, a LoadBalancer's backend or a
 * curl that reaches a node's 10250 gets.
 */
export const KUBELET_PLAIN_HTTP: HttpAnswer = { status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n' };

/**
 * Over TLS the kubelet's authentication filter answers an anonymous client (kind's kubelet runs
 * kubeadm's config: anonymous auth off, webhook on): k/k pkg/kubelet/server/server.go
 * InstallAuthFilter, resp.WriteErrorString(http.StatusUnauthorized, "Unauthorized").
 */
export const KUBELET_UNAUTHORIZED: HttpAnswer = { status: 401, body: 'Unauthorized' };

function deliverToKubelet(d: DeliverInput): DeliverOutcome {
  const { log, pkt, entryNode } = d;
  const answer = d.tls ? KUBELET_UNAUTHORIZED : KUBELET_PLAIN_HTTP;
  const node = d.idx.topo.nodeByIP.get(pkt.dst)!.metadata.name;
  const el = nodeId(node);
  d.flow.set('ESTABLISHED');
  log.add({ kind: 'deliver', from: proxyId(entryNode), to: el, actor: `kubelet on ${node}`, title: `kubelet on ${node} receives the request`, detail: `GET ${d.path} on :${pkt.dport}`, packetIn: log.view(pkt, `GET ${d.path}`), decidedBy: { kind: 'socket', lines: [`kubelet listening on *:${KUBELET_PORT} (TLS)`] }, why: d.tls ? `Port ${KUBELET_PORT} on a node is the kubelet's own API. It lets no anonymous client in: without a client certificate or a token it answers 401 Unauthorized.` : `Port ${KUBELET_PORT} on a node is the kubelet's own API. It speaks only HTTPS, so a plain HTTP request gets Go's "400 Bad Request" and never reaches the kubelet's handlers.` });
  reply(d, el, proxyId(entryNode), answer, pkt, `kubelet on ${node}`);
  return { ok: true, answer };
}

/** Delivers to the pod holding pkt.dst (or fails the way the network would). */
export function deliverToPod(d: DeliverInput): DeliverOutcome {
  const { idx, log, pkt, entryNode } = d;
  const proxyEl = proxyId(entryNode);
  const target = idx.topo.podByIP.get(pkt.dst);
  if (!target && idx.topo.nodeByIP.has(pkt.dst) && pkt.dport === KUBELET_PORT && !d.connectOnly) return deliverToKubelet(d);
  if (!target && idx.topo.nodeByIP.has(pkt.dst)) {
    d.flow.set('CLOSE');
    log.add({ kind: 'reject', from: proxyEl, to: d.clientEl, actor: entryNode, title: `${pkt.dst} refuses port ${pkt.dport}`, detail: 'TCP RST', packetIn: log.view(pkt), decidedBy: { kind: 'socket', lines: [`nothing listens on ${pkt.dst}:${pkt.dport}`] }, why: `No kube-proxy rule claimed port ${pkt.dport} on the node and no process listens there, so the node's kernel answers with a reset.` });
    return { ok: false, reason: 'refused' };
  }
  if (!target && unheldOnKindNetwork(idx, pkt.dst)) {
    d.flow.unreplied();
    log.add({ kind: 'drop', from: proxyEl, to: proxyEl, actor: entryNode, title: `no host answers for ${pkt.dst}`, detail: describePacket(pkt), packetIn: log.view(pkt), decidedBy: { kind: 'route', lines: ['172.18.0.0/16 dev eth0 proto kernel scope link', `${pkt.dst} dev eth0 INCOMPLETE`] }, why: `${pkt.dst} is on kind's docker network but no container holds it: ARP gets no answer and ${entryNode} reports "No route to host".` });
    return { ok: false, reason: 'no-route' };
  }
  if (!target) {
    d.flow.unreplied();
    log.add({ kind: 'drop', from: proxyEl, to: proxyEl, actor: entryNode, title: `nothing answers at ${pkt.dst}:${pkt.dport}`, detail: describePacket(pkt), packetIn: log.view(pkt), decidedBy: { kind: 'route', lines: [`no pod holds ${pkt.dst}`] }, why: `No rule rewrote ${pkt.dst}:${pkt.dport} and no pod has that address: a ClusterIP only answers on the Service's declared ports.`, related: d.svcIds });
    return { ok: false, reason: 'timeout' };
  }
  const targetNode = target.spec.nodeName!;
  let lastEl = proxyEl;
  if (targetNode !== entryNode) {
    const texts = idx.memo(['route', entryNode, targetNode, pkt.dst], () => routeTexts(idx, entryNode, targetNode, pkt.dst));
    log.add({ kind: 'route', from: nodeId(entryNode), to: nodeId(targetNode), actor: entryNode, title: texts.title, detail: texts.detail, packetIn: log.view(pkt), packetOut: log.view(pkt), decidedBy: { kind: 'route', lines: texts.lines }, why: texts.why });
    d.flow.forwardedThrough(targetNode, pkt);
    lastEl = proxyId(targetNode);
  }
  const servers = idx.listeners(target);
  const server = servers.get(pkt.dport);
  const name = target.metadata.name;
  if (!server) {
    d.flow.set('CLOSE');
    log.add({ kind: 'reject', from: lastEl, to: podId(target), actor: name, title: `${name} refuses port ${pkt.dport}`, detail: 'TCP RST', packetIn: log.view(pkt), decidedBy: { kind: 'socket', lines: [`nothing listens on ${pkt.dst}:${pkt.dport}`] }, why: `The pod's containers listen on ${[...servers.keys()].join(', ') || 'no port'}, not ${pkt.dport}: check the Service's targetPort. The pod's kernel answers the SYN with a reset.` });
    return { ok: false, reason: 'refused' };
  }
  d.flow.set('ESTABLISHED');
  if (d.tls && !d.connectOnly) {
    const v = verifyTls(server.tls, d.request?.host.replace(/:\d+$/, '') ?? pkt.dst, d.tlsClient);
    if (!v.ok) {
      d.flow.set('CLOSE');
      log.add({ kind: 'reject', from: lastEl, to: podId(target), actor: d.clientName, title: `TLS handshake with ${name} fails`, detail: v.message, packetIn: log.view(pkt, 'ClientHello'), decidedBy: { kind: 'socket', lines: [`curl: (${v.code}) ${v.message}`] }, why: v.why });
      return { ok: false, reason: 'tls', tlsError: { code: v.code, message: v.message } };
    }
  }
  const texts = idx.memo(['deliver', target, pkt.dport, d.connectOnly ? '' : d.path], () => ({
    title: d.connectOnly ? `${name} accepts the connection` : `${name} receives the request`,
    detail: d.connectOnly ? `SYN on :${pkt.dport}` : `GET ${d.path} on :${pkt.dport}`,
    payload: d.connectOnly ? 'SYN' : `GET ${d.path}`,
    lines: [`listening on 0.0.0.0:${pkt.dport}`],
    why: `The packet is addressed to ${name}'s own IP, so the node hands it to the pod through its veth.`,
  }));
  log.add({ kind: 'deliver', from: lastEl, to: podId(target), actor: name, title: texts.title, detail: texts.detail, packetIn: log.view(pkt, texts.payload), decidedBy: { kind: 'socket', lines: texts.lines }, why: texts.why });
  let answer = d.connectOnly ? ACCEPTED : server(d.path, target, `${pkt.src}:${pkt.sport}`, d.request && { ...d.request, port: pkt.dport });
  if (answer.proxyPass) answer = proxied(d, target, answer.proxyPass, pkt.dport);
  reply(d, podId(target), targetNode !== entryNode ? nodeId(targetNode) : proxyEl, answer, pkt, name);
  return { ok: true, answer, servedBy: target };
}

/**
 * nginx's proxy_pass: the pod opens its own connection to the upstream (through its own
 * resolver and its node's rules) and answers with what comes back, or with its 502 page when
 * the connection fails (ngx_http_upstream.c: refused or unreachable -> 502 Bad Gateway,
 * proxy_connect_timeout -> 504 Gateway Time-out). Departure: nginx resolves an upstream's name
 * once at startup (a missing Service there stops it starting); here it resolves per request.
 */
function proxied(d: DeliverInput, pod: Pod, pass: { url: string; version: string }, port: number): HttpAnswer {
  const req = requestOf(d.path, pod, port, d.request && { ...d.request, port });
  if (!d.upstream) return nginxError(502, pass.version, req);
  const r = d.upstream(pod, pass.url);
  for (const h of r.hops) d.log.add({ ...h, title: `(proxied by ${pod.metadata.name}) ${h.title}` });
  if (r.ok && r.answer) return r.answer;
  return nginxError(r.failure?.reason === 'timeout' ? 504 : 502, pass.version, req);
}

function routeTexts(idx: RequestIndex, from: string, to: string, dst: string) {
  const cidr = idx.topo.node(to)!.spec.podCIDR;
  return {
    title: `${from} → ${to}`,
    detail: `routed by podCIDR ${cidr}`,
    lines: [`${cidr} via ${idx.topo.nodeIP(to)} dev eth0`],
    why: `${dst} is in ${to}'s podCIDR ${cidr}, so kindnet's route sends the packet across kind's docker network to that node.`,
  };
}

function reply(d: DeliverInput, serverEl: string, via: string, answer: HttpAnswer, pkt: Packet, name?: string): void {
  const { log, syn } = d;
  const back: Packet = { protocol: 'TCP', src: pkt.dst, sport: pkt.dport, dst: pkt.src, dport: pkt.sport };
  const restored: Packet = { protocol: 'TCP', src: syn.dst, sport: syn.dport, dst: syn.src, dport: syn.sport };
  const rewritten = back.src !== restored.src || back.dst !== restored.dst;
  const t = d.idx.memo(['reply', d.entryNode, serverEl, via, d.clientEl, d.fromEl ?? '', rewritten, !!d.connectOnly, answer.status, answer.body], () => replyTexts(d, serverEl, via, answer, rewritten, name));
  if (t.respond) log.add({ kind: 'respond', from: serverEl, to: via, actor: t.who, title: t.respond.title, detail: t.respond.detail, packetIn: log.view(back, t.payload), decidedBy: null, why: t.respond.why });
  const entry = d.entryCt;
  log.add({
    kind: 'reply', from: t.from, to: d.clientEl, actor: t.actor, title: t.title,
    detail: `${describePacket(back)} → ${describePacket(restored)}`,
    packetIn: log.view(back, t.payload), packetOut: log.view(restored, t.payload),
    decidedBy: entry ? { kind: 'conntrack', lines: [formatConntrackEntry(entry, d.flow.now)] } : null,
    why: t.why,
  });
}

/** The reply's texts, which only depend on the path (memoised per cluster version). */
function replyTexts(d: DeliverInput, serverEl: string, via: string, answer: HttpAnswer, rewritten: boolean, name?: string) {
  const who = name ?? serverEl.slice('external:'.length);
  const body = answer.body.length > 60 ? answer.body.slice(0, 57) + '...' : answer.body;
  return {
    who,
    payload: d.connectOnly ? 'SYN-ACK' : `HTTP ${answer.status}`,
    respond: d.connectOnly ? undefined : { title: `${who} answers`, detail: JSON.stringify(body), why: 'The server writes its answer to the connection it accepted.' },
    from: d.fromEl ? serverEl : via === proxyId(d.entryNode) ? via : nodeId(d.entryNode),
    actor: d.fromEl ? d.clientName : `conntrack on ${d.entryNode}`,
    title: rewritten ? 'reply, rewritten back by conntrack' : 'reply, matched by conntrack',
    why: rewritten
      ? `The reply must seem to come from the address ${d.clientName} dialled, so conntrack on ${d.entryNode} reverses the rewrite it remembered for this connection.`
      : `conntrack on ${d.entryNode} knows this connection; nothing was rewritten, so the reply goes back as it is.`,
  };
}
