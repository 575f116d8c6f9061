/**
 * The hops of a connection's first half: the client's SYN (through the external load
 * balancer for a LoadBalancer IP), the entry node's rules rewriting it (DNAT, then SNAT
 * when they masquerade), a userspace proxy's failed dials, and the ways it can fail
 * there. Texts that only depend on the path are memoised per cluster version.
 */
import type { CtEntry } from './conntrack';
import { describePacket, type HopLog } from './hop-log';
import type { Packet, ProxyVerdict } from './packet';
import type { Entry } from './request-entry';
import type { RequestIndex } from './request-index';
import { podId, proxyId } from './topology';

export interface ConnectInput {
  entry: Entry;
  syn: Packet;
  clientEl: string;
  clientName: string;
  svcIds: string[];
  cname?: string;
  /** Every address the DNS answer carried, in its order. */
  answered?: string[];
  kept: boolean;
  externalTarget?: string;
}

export function connectHops(log: HopLog, idx: RequestIndex, c: ConnectInput): void {
  const { entry, syn } = c;
  if (entry.kind !== 'node' && entry.kind !== 'lb') return;
  const node = entry.node;
  const lbEl = entry.kind === 'lb' ? `lb:${entry.service.metadata.namespace}/${entry.service.metadata.name}` : undefined;
  const t = idx.memo(['send', c.clientEl, node, syn.dst, syn.dport, c.kept, c.cname ?? '', c.answered?.join(',') ?? ''], () => sendTexts(idx, c, node, lbEl));
  const view = log.view(syn, 'SYN');
  log.add({
    kind: 'send', from: c.clientEl, to: lbEl ?? proxyId(node), actor: c.clientName, title: t.title,
    detail: describePacket(syn), packetIn: view, packetOut: view,
    decidedBy: { kind: 'socket', lines: [`connect(${syn.dst}:${syn.dport}) from ${syn.src}:${syn.sport}`] },
    why: t.why, related: c.svcIds,
  });
  if (entry.kind === 'lb') {
    const local = entry.service.spec.externalTrafficPolicy === 'Local';
    log.add({
      kind: 'route', from: lbEl!, to: proxyId(node), actor: 'load balancer', title: `load balancer → ${node}`,
      detail: `health checks pass on ${entry.checks.filter((l) => / → 200 /.test(l)).length} of ${entry.checks.length} nodes`,
      packetIn: log.view(syn, 'SYN'), packetOut: log.view(syn, 'SYN'),
      decidedBy: { kind: 'route', lines: entry.checks },
      why: local
        ? `externalTrafficPolicy is Local, so the balancer asks each node's healthCheckNodePort ${entry.service.spec.healthCheckNodePort}: kube-proxy answers 200 only where the Service has a local ready endpoint. It picked ${node} among the healthy nodes and passes the packet on unchanged (destination ${syn.dst}, the client's own source).`
        : `The balancer checks kube-proxy's /healthz on each node (the control plane is excluded from load balancers) and picked ${node}; it passes the packet on unchanged, so the node's rules for ${syn.dst} catch it.`,
      related: c.svcIds,
    });
  }
}

function sendTexts(idx: RequestIndex, c: ConnectInput, node: string, lbEl: string | undefined) {
  const dst = `${c.syn.dst}:${c.syn.dport}`;
  const title = c.kept ? `${c.clientName} sends another request on its open connection to ${dst}` : `${c.clientName} opens a TCP connection to ${dst}`;
  let why: string;
  if (c.kept) why = `A keep-alive client reuses its connection: same source port, so conntrack on ${node} already knows the flow and keeps the backend it chose first, whatever the endpoints are now.`;
  else if (lbEl) why = `${c.syn.dst} is the Service's load balancer address (status.loadBalancer.ingress); the packet goes to the external load balancer first.`;
  else if (c.clientEl === 'workstation') why = `The packet arrives at ${node} over kind's docker network.`;
  else why = `The packet leaves the pod through its veth into ${node}'s network stack, where kube-proxy's rules wait.`;
  if (c.answered && c.answered.length > 1 && !c.kept) why += ` The DNS answer carried ${c.answered.length} addresses (${c.answered.join(', ')}); the client takes the first one, ${c.syn.dst}, as curl and wget do with getaddrinfo's list: which pod that is depends on the order CoreDNS shuffled them in.`;
  if (c.cname) why += ` ${c.syn.dst} is the address of ${c.cname}, the ExternalName's CNAME target: there is no ClusterIP and nothing to proxy.`;
  else if (idx.topo.podByIP.has(c.syn.dst)) why += ` ${c.syn.dst} is a pod's own address (a headless Service's DNS answer, or a pod IP): no Service rule will rewrite it.`;
  return { title, why };
}

export interface NatInput {
  node: string;
  syn: Packet;
  pkt: Packet;
  verdict: ProxyVerdict;
  svcIds: string[];
  kept: boolean;
  entryCt?: CtEntry;
  now: number;
}

export function natHops(log: HopLog, idx: RequestIndex, n: NatInput): void {
  const { node, syn, pkt, verdict } = n;
  const proxyEl = proxyId(node);
  const actor = `kube-proxy on ${node}`;
  for (const f of verdict.failedDials ?? []) {
    const pod = idx.topo.podByIP.get(f.endpoint.split(':')[0]!);
    log.add({ kind: 'reject', from: proxyEl, to: pod ? podId(pod) : proxyEl, actor, title: `kube-proxy dials ${f.endpoint}: ${f.error}`, detail: 'TCP RST', decidedBy: { kind: 'socket', lines: [`dial tcp ${f.endpoint}: connect: ${f.error}`] }, why: `The userspace proxy dials backends itself; when one fails it tries the next endpoint (TryConnectEndpoints, this dial's timeout ${f.timeoutMs}ms), so the client never sees the failure.`, related: n.svcIds });
  }
  if (pkt.dst !== syn.dst || pkt.dport !== syn.dport) {
    const t = idx.memo(['dnat', node, syn.dst, syn.dport, pkt.dst, pkt.dport, verdict.tool, n.kept], () => dnatTexts(idx, n));
    log.add({ kind: 'dnat', from: proxyEl, to: proxyEl, actor, title: t.title, detail: t.detail, packetIn: log.view(syn), packetOut: log.view({ ...pkt, src: syn.src, sport: syn.sport }), decidedBy: { kind: n.kept ? 'conntrack' : verdict.tool, lines: verdict.rules }, why: t.why, related: n.svcIds });
  }
  if (pkt.src !== syn.src && !n.kept) {
    const rules = verdict.snat?.rules ?? [];
    const why = verdict.failedDials !== undefined || (verdict.tool === 'iptables' && !verdict.snat)
      ? `The userspace proxy opened its own connection to the backend, so the backend sees ${node}'s address as the source.`
      : snatWhy(idx, syn, pkt, node);
    log.add({ kind: 'snat', from: proxyEl, to: proxyEl, actor, title: `${node}: SNAT (masquerade) ${syn.src} → ${pkt.src}`, detail: `${syn.src}:${syn.sport} → ${pkt.src}:${pkt.sport}`, packetIn: log.view({ ...pkt, src: syn.src, sport: syn.sport }), packetOut: log.view(pkt), decidedBy: { kind: verdict.tool === 'nftables' ? 'nftables' : 'iptables', lines: rules }, why, related: n.svcIds });
  }
}

function dnatTexts(idx: RequestIndex, n: NatInput) {
  const { syn, pkt, node } = n;
  const svc = idx.byClusterIP(syn.dst) ?? idx.byLoadBalancerIP(syn.dst);
  const what = idx.byClusterIP(syn.dst) ? `the ClusterIP of Service ${svc!.metadata.name}: no machine owns it` : svc ? `Service ${svc.metadata.name}'s load balancer IP` : idx.topo.nodeByIP.has(syn.dst) ? `${node}'s own address, and port ${syn.dport} is a NodePort` : syn.dst;
  return {
    title: n.kept ? `conntrack on ${node}: the open connection keeps ${pkt.dst}:${pkt.dport}` : `kube-proxy on ${node}: DNAT to ${pkt.dst}:${pkt.dport}`,
    detail: `${syn.dst}:${syn.dport} → ${pkt.dst}:${pkt.dport}`,
    why: n.kept
      ? `This connection's first packet was DNATed to ${pkt.dst}:${pkt.dport}; conntrack applies the same binding to every later packet, even if that endpoint has since left the Service.`
      : `${syn.dst} is ${what}. kube-proxy's rules on ${node} picked one ready endpoint and rewrote the destination to ${pkt.dst}:${pkt.dport}.`,
  };
}

function snatWhy(idx: RequestIndex, syn: Packet, pkt: Packet, node: string): string {
  if (idx.topo.podByIP.get(syn.src) && syn.src === pkt.dst) return `Hairpin: the pod reached itself through the Service, so the source is masqueraded to ${pkt.src} and the reply comes back through ${node}.`;
  if (!idx.topo.podByIP.has(pkt.dst)) return `kindnet masquerades traffic leaving the cluster network: the outside world sees ${node}'s address ${pkt.src}.`;
  return `The rules marked this connection for masquerade (traffic from outside the cluster with externalTrafficPolicy Cluster): the backend may sit on another node, and its reply must come back through ${node} so conntrack can undo the DNAT. The backend sees ${pkt.src}, not the client's address.`;
}

export function verdictFailureHop(log: HopLog, node: string, clientEl: string, syn: Packet, verdict: ProxyVerdict, svcIds: string[]): void {
  const proxyEl = proxyId(node);
  const actor = `kube-proxy on ${node}`;
  if (verdict.verdict === 'REJECT') {
    log.add({ kind: 'reject', from: proxyEl, to: clientEl, actor, title: `rejected: ${syn.dst}:${syn.dport} has no endpoints`, detail: 'ICMP port unreachable', packetIn: log.view(syn), decidedBy: { kind: verdict.tool, lines: verdict.rules }, why: verdict.failedDials?.length ? 'Every endpoint refused the userspace proxy\'s dials, so it closed the client connection.' : 'The Service has no ready endpoints, so kube-proxy installed a REJECT rule: the client gets "connection refused" at once.', related: svcIds });
  } else {
    log.add({ kind: 'drop', from: proxyEl, to: proxyEl, actor, title: 'dropped', detail: describePacket(syn), packetIn: log.view(syn), decidedBy: { kind: verdict.tool, lines: verdict.rules }, why: 'No endpoint may serve this packet on this node (a Local traffic policy without a local endpoint), so it is dropped and the client waits until it times out.', related: svcIds });
  }
}

export function noRouteHop(log: HopLog, clientEl: string, clientName: string, syn: Packet, reason: 'arp' | 'unrouted'): void {
  const ip = syn.dst;
  log.add(reason === 'arp'
    ? { kind: 'drop', from: clientEl, to: clientEl, actor: clientName, title: `no host answers for ${ip}`, detail: describePacket(syn), packetIn: log.view(syn), decidedBy: { kind: 'route', lines: ['172.18.0.0/16 dev br-kind proto kernel scope link', `${ip} dev br-kind INCOMPLETE`] }, why: `${ip} is on kind's docker network but no container holds it: ARP gets no answer and the kernel reports "No route to host".` }
    : { kind: 'drop', from: clientEl, to: clientEl, actor: clientName, title: `${clientName} has no route to ${ip}`, detail: describePacket(syn), packetIn: log.view(syn), decidedBy: { kind: 'route', lines: ['default via 172.18.0.1 (no route into the cluster network)'] }, why: `${ip} is not reachable from outside the cluster: only node IPs (NodePort) and load balancer IPs are.` });
}
