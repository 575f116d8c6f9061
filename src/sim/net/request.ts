/**
 * One HTTP request traced hop by hop, as it really travels: name lookup
 * through CoreDNS (itself reached through kube-proxy), the connection to the
 * resolved address, the node's service proxy rewriting it, the route to the
 * chosen pod's node, the answer, and conntrack undoing the rewrite on the way
 * back. curl, wget and the request bar all use this, so they cannot disagree.
 */
import type { Simulation } from '../simulation';
import type { Pod } from '../model/types';
import { podResolvConf } from '../dns/resolv-conf';
import type { Hop } from '../view/snapshot';
import { lookup, type LookupResult } from './dns-lookup';
import type { DataPlane, Packet } from './packet';
import { listeners, type HttpAnswer } from './servers';
import { buildTopology, nodeId, podId, proxyId, WORKSTATION, WORKSTATION_IP, type Topology } from './topology';
import { parseUrl } from './url';
import { HopLog, describePacket, dnsRecordLines } from './hop-log';

export type Client = { kind: 'pod'; pod: Pod } | { kind: 'workstation' };

export interface RequestResult {
  hops: Hop[];
  ok: boolean;
  answer?: HttpAnswer;
  /** curl's exit code and message when it failed. */
  error?: { code: number; message: string };
  host: string;
  port: number;
  servedBy?: Pod;
  remoteIP?: string;
  /** The request path, as curl sends it. */
  path?: string;
}

const EPHEMERAL_LOW = 32768;
const EPHEMERAL_HIGH = 60999;
/** How long a SYN into a black hole waits before the kernel gives up (tcp_syn_retries=6). */
export const SYN_TIMEOUT_MS = 134_000;

export function performRequest(sim: Simulation, plane: DataPlane, client: Client, urlText: string): RequestResult {
  const url = parseUrl(urlText);
  if ('error' in url) return { hops: [], ok: false, host: '', port: 0, error: { code: 3, message: url.error } };
  const topo = buildTopology(sim.cluster.store);
  const log = new HopLog();
  const rng = sim.cluster.trafficRng;
  const ephemeral = () => EPHEMERAL_LOW + rng.int(EPHEMERAL_HIGH - EPHEMERAL_LOW + 1);
  let ip = url.host;
  const fail = (code: number, message: string): RequestResult => ({ hops: log.hops, ok: false, host: url.host, port: url.port, error: { code, message }, ...(ip !== url.host ? { remoteIP: ip } : {}) });

  const clientIP = client.kind === 'pod' ? client.pod.status.podIP! : WORKSTATION_IP;
  const clientEl = client.kind === 'pod' ? podId(client.pod) : WORKSTATION;
  const clientName = client.kind === 'pod' ? client.pod.metadata.name : 'workstation';

  if (!/^\d+\.\d+\.\d+\.\d+$/.test(url.host)) {
    const resolved = resolveName(sim, plane, topo, client, url.host, ephemeral, log);
    if (!resolved) return fail(6, `Could not resolve host: ${url.host}`);
    ip = resolved;
  }

  const syn: Packet = { protocol: 'TCP', src: clientIP, sport: ephemeral(), dst: ip, dport: url.port };
  const entry = entryNode(sim, topo, client, ip);
  if (!entry) {
    log.add({ kind: 'drop', from: clientEl, to: clientEl, actor: clientName, title: `${clientName} has no route to ${ip}`, detail: `${describePacket(syn)}`, packetIn: log.view(syn), decidedBy: { kind: 'route', lines: ['default via 172.18.0.1 (no route into the cluster network)'] }, why: `${ip} is not reachable from outside the cluster: only node IPs (NodePort) and load balancer IPs are.` });
    return fail(28, `Failed to connect to ${url.host} port ${url.port} after ${SYN_TIMEOUT_MS} ms: Couldn't connect to server`);
  }
  const proxyEl = proxyId(entry.node);
  log.add({
    kind: 'send', from: clientEl, to: proxyEl, actor: clientName,
    title: `${clientName} opens a TCP connection to ${ip}:${url.port}`,
    detail: describePacket(syn), packetIn: log.view(syn, 'SYN'), packetOut: log.view(syn, 'SYN'),
    decidedBy: { kind: 'socket', lines: [`connect(${ip}:${url.port}) from ${clientIP}:${syn.sport}`] },
    why: client.kind === 'pod' ? `The packet leaves the pod through its veth into ${entry.node}'s network stack, where kube-proxy's rules wait.` : `The packet arrives at ${entry.node} over kind's docker network.`,
    related: relatedServiceIds(sim, ip, url.port),
  });
  const verdict = plane.process(entry.node, syn, entry.hook);
  const svcIds = relatedServiceIds(sim, ip, url.port);
  if (verdict.verdict === 'REJECT') {
    log.add({ kind: 'reject', from: proxyEl, to: clientEl, actor: `kube-proxy on ${entry.node}`, title: `rejected: ${ip}:${url.port} has no endpoints`, detail: 'ICMP port unreachable', packetIn: log.view(syn), decidedBy: { kind: verdict.tool, lines: verdict.rules }, why: 'The Service has no ready endpoints, so kube-proxy installed a REJECT rule: the client gets "connection refused" at once.', related: svcIds });
    return fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
  }
  if (verdict.verdict === 'DROP') {
    log.add({ kind: 'drop', from: proxyEl, to: proxyEl, actor: `kube-proxy on ${entry.node}`, title: 'dropped', detail: describePacket(syn), packetIn: log.view(syn), decidedBy: { kind: verdict.tool, lines: verdict.rules }, why: 'No endpoint may serve this packet on this node (a Local traffic policy without a local endpoint), so it is dropped and the client waits until it times out.', related: svcIds });
    return fail(28, `Failed to connect to ${url.host} port ${url.port} after ${SYN_TIMEOUT_MS} ms: Couldn't connect to server`);
  }
  const pkt = verdict.packet;
  if (pkt.dst !== syn.dst || pkt.dport !== syn.dport) {
    log.add({
      kind: 'dnat', from: proxyEl, to: proxyEl, actor: `kube-proxy on ${entry.node}`,
      title: `kube-proxy on ${entry.node}: DNAT to ${pkt.dst}:${pkt.dport}`,
      detail: `${syn.dst}:${syn.dport} → ${pkt.dst}:${pkt.dport}`,
      packetIn: log.view(syn), packetOut: log.view(pkt),
      decidedBy: { kind: verdict.tool, lines: verdict.rules },
      why: dnatWhy(sim, syn, pkt, entry.node),
      related: svcIds,
    });
  }
  const target = topo.podByIP.get(pkt.dst);
  const outNode = entry.node;
  if (!target && topo.nodeByIP.has(pkt.dst)) {
    log.add({ kind: 'reject', from: proxyEl, to: clientEl, actor: `${outNode}`, title: `${pkt.dst} refuses port ${pkt.dport}`, detail: 'TCP RST', packetIn: log.view(pkt), decidedBy: { kind: 'socket', lines: [`nothing listens on ${pkt.dst}:${pkt.dport}`] }, why: `No kube-proxy rule claimed port ${pkt.dport} on the node and no process listens there, so the node's kernel answers with a reset.` });
    return fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
  }
  if (!target) {
    log.add({ kind: 'drop', from: proxyEl, to: proxyEl, actor: `${outNode}`, title: `nothing answers at ${pkt.dst}:${pkt.dport}`, detail: describePacket(pkt), packetIn: log.view(pkt), decidedBy: { kind: 'route', lines: [`no pod holds ${pkt.dst}`] }, why: `No rule rewrote ${pkt.dst}:${pkt.dport} and no pod has that address: a ClusterIP only answers on the Service's declared ports.`, related: svcIds });
    return fail(28, `Failed to connect to ${url.host} port ${url.port} after ${SYN_TIMEOUT_MS} ms: Couldn't connect to server`);
  }
  const targetNode = target.spec.nodeName!;
  let lastEl = proxyEl;
  if (targetNode !== outNode) {
    const node = topo.node(targetNode)!;
    log.add({
      kind: 'route', from: nodeId(outNode), to: nodeId(targetNode), actor: outNode,
      title: `${outNode} → ${targetNode}`,
      detail: `routed by podCIDR ${node.spec.podCIDR}`,
      packetIn: log.view(pkt), packetOut: log.view(pkt),
      decidedBy: { kind: 'route', lines: [`${node.spec.podCIDR} via ${topo.nodeIP(targetNode)} dev eth0`] },
      why: `${pkt.dst} is in ${targetNode}'s podCIDR ${node.spec.podCIDR}, so kindnet's route sends the packet across kind's docker network to that node.`,
    });
    lastEl = proxyId(targetNode);
  }
  const servers = listeners(target);
  const server = servers.get(pkt.dport);
  if (!server) {
    log.add({ kind: 'reject', from: lastEl, to: podId(target), actor: target.metadata.name, title: `${target.metadata.name} refuses port ${pkt.dport}`, detail: 'TCP RST', packetIn: log.view(pkt), decidedBy: { kind: 'socket', lines: [`nothing listens on ${pkt.dst}:${pkt.dport}`] }, why: `The pod's containers listen on ${[...servers.keys()].join(', ') || 'no port'}, not ${pkt.dport}: check the Service's targetPort.` });
    return fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
  }
  log.add({ kind: 'deliver', from: lastEl, to: podId(target), actor: target.metadata.name, title: `${target.metadata.name} receives the request`, detail: `GET ${url.path} on :${pkt.dport}`, packetIn: log.view(pkt, `GET ${url.path}`), decidedBy: { kind: 'socket', lines: [`listening on 0.0.0.0:${pkt.dport}`] }, why: `The packet is addressed to ${target.metadata.name}'s own IP, so the node hands it to the pod through its veth.` });
  const answer = server(url.path, target, `${pkt.src}:${pkt.sport}`);
  const reply: Packet = { protocol: 'TCP', src: pkt.dst, sport: pkt.dport, dst: pkt.src, dport: pkt.sport };
  log.add({ kind: 'respond', from: podId(target), to: targetNode !== outNode ? nodeId(targetNode) : proxyEl, actor: target.metadata.name, title: `${target.metadata.name} answers`, detail: JSON.stringify(answer.body.length > 60 ? answer.body.slice(0, 57) + '...' : answer.body), packetIn: log.view(reply, `HTTP ${answer.status}`), decidedBy: null, why: 'The server in the pod writes its answer to the connection it accepted.' });
  const restored: Packet = { protocol: 'TCP', src: syn.dst, sport: syn.dport, dst: syn.src, dport: syn.sport };
  log.add({
    kind: 'reply', from: targetNode !== outNode ? nodeId(outNode) : proxyEl, to: clientEl, actor: `conntrack on ${outNode}`,
    title: 'reply, rewritten back by conntrack', detail: `${describePacket(reply)} → ${describePacket(restored)}`,
    packetIn: log.view(reply), packetOut: log.view(restored, `HTTP ${answer.status}`),
    decidedBy: { kind: 'conntrack', lines: [conntrackLine(syn, pkt)] },
    why: `The reply must seem to come from the address ${clientName} dialled, so conntrack on ${outNode} reverses the rewrite it remembered for this connection.`,
  });
  return { hops: log.hops, ok: true, answer, host: url.host, port: url.port, servedBy: target, remoteIP: ip, path: url.path };
}

function conntrackLine(orig: Packet, translated: Packet): string {
  return `tcp      6 431999 ESTABLISHED src=${orig.src} dst=${orig.dst} sport=${orig.sport} dport=${orig.dport} src=${translated.dst} dst=${translated.src} sport=${translated.dport} dport=${translated.sport} [ASSURED] mark=0 use=1`;
}

function dnatWhy(sim: Simulation, before: Packet, after: Packet, node: string): string {
  const svc = sim.cluster.store.list('Service').find((s) => s.spec.clusterIP === before.dst);
  const what = svc ? `the ClusterIP of Service ${svc.metadata.name}` : `${before.dst}`;
  return `${before.dst} is ${what}: no machine owns it. kube-proxy's rules on ${node} picked one ready endpoint and rewrote the destination to ${after.dst}:${after.dport}.`;
}

function relatedServiceIds(sim: Simulation, ip: string, port: number): string[] {
  return sim.cluster.store
    .list('Service')
    .filter((s) => (s.spec.clusterIP === ip && s.spec.ports.some((p) => p.port === port)) || s.spec.ports.some((p) => p.nodePort === port) || (s.status.loadBalancer.ingress ?? []).some((i) => i.ip === ip))
    .map((s) => `svc:${s.metadata.namespace}/${s.metadata.name}`);
}

/** The node whose netfilter first sees the connection, or null when there is no route. */
function entryNode(sim: Simulation, topo: Topology, client: Client, ip: string): { node: string; hook: 'PREROUTING' | 'OUTPUT' } | null {
  if (client.kind === 'pod') return { node: client.pod.spec.nodeName!, hook: client.pod.spec.hostNetwork ? 'OUTPUT' : 'PREROUTING' };
  const node = topo.nodeByIP.get(ip);
  if (node) return { node: node.metadata.name, hook: 'PREROUTING' };
  const lb = sim.cluster.store.list('Service').some((s) => (s.status.loadBalancer.ingress ?? []).some((i) => i.ip === ip));
  if (lb) {
    const nodes = sim.cluster.store.list('Node');
    return { node: nodes[sim.cluster.trafficRng.int(nodes.length)]!.metadata.name, hook: 'PREROUTING' };
  }
  return null;
}

/** Resolves a name as the client would, logging each DNS exchange. Returns the address or null. */
function resolveName(sim: Simulation, plane: DataPlane, topo: Topology, client: Client, name: string, ephemeral: () => number, log: HopLog): string | null {
  if (client.kind === 'workstation') {
    const ip = sim.dnsContext().upstream[name];
    return ip ?? null;
  }
  const pod = client.pod;
  const conf = podResolvConf(pod, sim.dnsIP, sim.config.clusterDomain, '172.18.0.1');
  const result: LookupResult = lookup(sim.dnsContext(), conf, name, 'A');
  const nameserver = conf.nameservers[0]!;
  for (const q of result.queries) {
    const query: Packet = { protocol: 'UDP', src: pod.status.podIP!, sport: ephemeral(), dst: nameserver, dport: 53 };
    const verdict = plane.process(pod.spec.nodeName!, query, 'PREROUTING');
    const dnsPod = verdict.endpointPod ? sim.cluster.store.get('Pod', verdict.endpointPod.split('/')[0], verdict.endpointPod.split('/')[1]!) : topo.podByIP.get(verdict.packet.dst);
    const dnsEl = dnsPod ? podId(dnsPod) : 'coredns';
    log.add({
      kind: 'dns-query', from: podId(pod), to: dnsEl, actor: pod.metadata.name,
      title: `${pod.metadata.name} → CoreDNS: A? ${q.qname}`,
      detail: `${describePacket(query)} → ${verdict.packet.dst}:${verdict.packet.dport}`,
      packetIn: log.view(query, `A? ${q.qname}`), packetOut: log.view(verdict.packet, `A? ${q.qname}`),
      decidedBy: { kind: verdict.tool, lines: verdict.rules },
      why: result.queries.length > 1
        ? `resolv.conf has ndots:5 and "${name}" has fewer dots, so the resolver tries each search domain in turn; this is try ${result.queries.indexOf(q) + 1}.`
        : `The pod's /etc/resolv.conf names ${nameserver} (the kube-dns Service); kube-proxy sent the query on to a CoreDNS pod.`,
      related: ['svc:kube-system/kube-dns'],
    });
    const reply: Packet = { protocol: 'UDP', src: nameserver, sport: 53, dst: query.src, dport: query.sport };
    const records = dnsRecordLines(q.response);
    log.add({
      kind: 'dns-answer', from: dnsEl, to: podId(pod), actor: 'CoreDNS',
      title: q.response.rcode === 'NOERROR' && q.response.answers.length ? `CoreDNS → ${pod.metadata.name}: ${records[records.length - 1]!.split(/\s+/).slice(-1)[0]}` : `CoreDNS → ${pod.metadata.name}: ${q.response.rcode}`,
      detail: `${q.qname}: ${q.response.rcode}${q.response.answers.length ? '' : ' (no answer)'}`,
      packetIn: log.view({ ...reply, src: verdict.packet.dst }), packetOut: log.view(reply, q.response.rcode),
      decidedBy: { kind: 'dns-record', lines: records.length ? records : [`${q.qname}. ${q.response.rcode}`] },
      why: q.response.answers.length ? `CoreDNS's kubernetes plugin answers from the Service objects it watches (ttl 30, as kubeadm configures it).` : `No object matches ${q.qname}, so CoreDNS answers ${q.response.rcode}.`,
    });
  }
  return result.addresses[0] ?? null;
}
