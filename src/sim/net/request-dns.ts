/**
 * A pod's stub resolver resolving a name before it connects: each search-list candidate
 * is a UDP query to the nameserver in resolv.conf (the kube-dns ClusterIP), which the
 * node's kube-proxy rules send on to a CoreDNS pod; conntrack records each query's flow.
 * An ExternalName Service answers with its CNAME and the target's address (CoreDNS
 * chases the CNAME upstream), so the client then connects to the external host itself.
 */
import type { Pod } from '../model/types';
import type { Simulation } from '../simulation';
import { dnsRecordLines, type HopLog } from './hop-log';
import type { DataPlane, Packet } from './packet';
import type { RequestIndex } from './request-index';
import { podId } from './topology';
import { externalId } from './external-hosts';
import { isStandInAddress } from '../dns/upstream';
import type { CorednsConfig } from '../dns/corefile-config';

export interface Resolved {
  ip: string;
  /** The CNAME chain the answer went through (ExternalName), if any. */
  cname?: string;
  /** Every address the answer carried, in its order (a headless Service's endpoints). */
  addresses: string[];
}

/** Resolves `name` as the pod's resolver would, logging each exchange; null when it does not resolve. */
export function resolveFromPod(sim: Simulation, plane: DataPlane, idx: RequestIndex, pod: Pod, name: string, rng: { int(n: number): number }, log: HopLog): Resolved | null {
  const result = idx.lookup(pod, name);
  // The resolver the pod's resolv.conf names first (dnsPolicy None or Default: not CoreDNS).
  const nameserver = idx.nameserver(pod);
  const cluster = nameserver === sim.dnsIP;
  const resolver = cluster ? 'CoreDNS' : `the resolver at ${nameserver}`;
  const node = pod.spec.nodeName!;
  const src = pod.status.podIP!;
  const podEl = podId(pod);
  const tries = result.queries.length;
  for (let i = 0; i < tries; i++) {
    const q = result.queries[i]!;
    const query: Packet = { protocol: 'UDP', src, sport: 32768 + rng.int(60999 - 32768 + 1), dst: nameserver, dport: 53 };
    const verdict = plane.process(node, query, pod.spec.hostNetwork ? 'OUTPUT' : 'PREROUTING');
    const dnsPod = idx.topo.podByIP.get(verdict.packet.dst);
    const dnsEl = dnsPod ? podId(dnsPod) : cluster ? 'coredns' : externalId(nameserver);
    const both = idx.memo(['dns', pod, name], () => {
      const config = cluster ? sim.coredns.config() : undefined;
      return result.queries.map((qq, j) => ({ query: queryTexts(pod, name, nameserver, qq.qname, tries, j, resolver, cluster), answer: answerTexts(pod, name, qq.qname, qq.response, resolver, config) }));
    })[i]!;
    // The CoreDNS pod kube-proxy chose writes the query in its log when its Corefile has `log`.
    if (dnsPod && cluster && sim.coredns.logs(dnsPod)) sim.coredns.logQuery(dnsPod, { ip: src, port: query.sport }, 1 + sim.coredns.rng.int(65535), `${q.qname}.`, 'A', q.response);
    const texts = both.query;
    log.add({
      kind: 'dns-query', from: podEl, to: dnsEl, actor: pod.metadata.name,
      title: texts.title,
      detail: `${src}:${query.sport} → ${nameserver}:53 UDP → ${verdict.packet.dst}:${verdict.packet.dport}`,
      packetIn: log.view(query, texts.payload), packetOut: log.view(verdict.packet, texts.payload),
      decidedBy: { kind: verdict.tool, lines: verdict.rules },
      why: texts.why,
      related: cluster ? ['svc:kube-system/kube-dns'] : [],
    });
    const a = both.answer;
    const reply: Packet = { protocol: 'UDP', src: nameserver, sport: 53, dst: src, dport: query.sport };
    log.add({
      kind: 'dns-answer', from: dnsEl, to: podEl, actor: cluster ? 'CoreDNS' : nameserver,
      title: a.title, detail: a.detail,
      packetIn: log.view({ protocol: 'UDP', src: verdict.packet.dst, sport: verdict.packet.dport, dst: src, dport: query.sport }), packetOut: log.view(reply, q.response.rcode),
      decidedBy: { kind: 'dns-record', lines: a.records },
      why: a.why,
    });
  }
  const ip = result.addresses[0];
  if (!ip) return null;
  const cname = result.found?.response.answers.find((r) => r.type === 'CNAME')?.data;
  return cname ? { ip, cname: cname.replace(/\.$/, ''), addresses: result.addresses } : { ip, addresses: result.addresses };
}

function queryTexts(pod: Pod, name: string, nameserver: string, qname: string, tries: number, i: number, resolver: string, cluster: boolean) {
  return {
    title: `${pod.metadata.name} → ${cluster ? 'CoreDNS' : nameserver}: A? ${qname}`,
    payload: `A? ${qname}`,
    why: tries > 1
      ? `The pod's resolv.conf gives a search list and "${name}" has fewer dots than its ndots, so the resolver tries each search domain in turn; this is try ${i + 1}.`
      : cluster
        ? `The pod's /etc/resolv.conf names ${nameserver} (the kube-dns Service); kube-proxy sent the query on to a CoreDNS pod.`
        : `The pod's /etc/resolv.conf names ${nameserver} (its dnsPolicy is not ClusterFirst), so the query goes to ${resolver}, which knows no cluster names.`,
  };
}

/** Which plugin of the running Corefile answered, in a sentence (records.ts serve). */
function pluginWhy(qname: string, response: ReturnType<RequestIndex['lookup']>['queries'][number]['response'], config: CorednsConfig | undefined): string {
  const rewritten = response.rewrittenTo ? `The rewrite plugin turned ${qname} into ${response.rewrittenTo.replace(/\.$/, '')} before the other plugins saw it. ` : '';
  const ttl = config?.kubernetes?.ttl ?? 30;
  const hostsTtl = config?.hosts?.ttl ?? 3600;
  const upstream = config?.forward ? `forward ${config.forward.from} ${config.forward.to.join(' ')}` : 'forward . /etc/resolv.conf';
  switch (response.plugin) {
    case 'hosts':
      return response.rcode === 'SERVFAIL'
        ? `${rewritten}The hosts plugin in CoreDNS's Corefile holds no entry for this name and has no fallthrough, so CoreDNS answers SERVFAIL.`
        : `${rewritten}CoreDNS's hosts plugin answers from the entries written in its Corefile (ttl ${hostsTtl}).`;
    case 'none':
      return `${rewritten}No plugin in CoreDNS's Corefile takes this name (nothing forwards it), so CoreDNS answers SERVFAIL.`;
    case 'forward':
      return `${rewritten}The name is outside the zones CoreDNS's kubernetes plugin serves, so the forward plugin asked the upstream (${upstream}).`;
    default:
      return `${rewritten}CoreDNS's kubernetes plugin answers from the Service objects it watches (ttl ${ttl}, as its Corefile sets it).`;
  }
}

function answerTexts(pod: Pod, name: string, qname: string, response: ReturnType<RequestIndex['lookup']>['queries'][number]['response'], resolver: string, config?: CorednsConfig) {
  const records = dnsRecordLines(response);
  const found = response.rcode === 'NOERROR' && response.answers.length > 0;
  const chain = response.answers.filter((r) => r.type === 'CNAME').map((r) => r.data.replace(/\.$/, ''));
  const addresses = response.answers.filter((r) => r.type === 'A').map((r) => r.data);
  const server = resolver === 'CoreDNS' ? 'CoreDNS' : resolver.replace(/^the resolver at /, '');
  const standIn = addresses.length > 0 && addresses.every(isStandInAddress);
  let said: string;
  if (!found) said = response.rcode;
  else if (chain.length) said = `${name} → ${chain.map((c) => `CNAME ${c}`).join(' → ')} → ${addresses.join(', ') || 'no address'}`;
  else said = addresses.join(', ') || records[records.length - 1]!.split(/\s+/).slice(-1)[0]!;
  if (standIn) said += ' (outside the simulation: a stand-in address)';
  const upstream = config?.forward ? `forward ${config.forward.from} ${config.forward.to.join(' ')}` : 'forward . /etc/resolv.conf';
  const outside = standIn
    ? ` ${chain.length ? chain[chain.length - 1] : qname.replace(/\.$/, '')} is outside the cluster, so CoreDNS forwarded the question upstream (${upstream}). There is no internet in the simulation: the address is a stand-in from a documentation range (RFC 5737), the same for this name every time.`
    : '';
  const cluster = resolver === 'CoreDNS';
  const plugin = cluster && (response.plugin === 'hosts' || response.plugin === 'none' || response.rewrittenTo) ? pluginWhy(qname.replace(/\.$/, ''), response, config) : undefined;
  let why: string;
  if (plugin) why = plugin;
  else if (chain.length) why = `${qname} is an ExternalName Service: CoreDNS answers with a CNAME to ${chain[0]} and the address it looked up for that name${addresses.length ? '' : ' (none was found)'}. No ClusterIP, no kube-proxy rule: the client will connect to ${addresses[0] ?? 'nothing'} itself.${outside}`;
  else if (found && addresses.length > 1) why = `${qname} is a headless Service: CoreDNS answers with the address of every ready endpoint, ${addresses.length} A records, shuffled by the loadbalance plugin (a new order for each answer). The client connects to the first one.`;
  else if (found && standIn) why = outside.trim();
  else if (found) why = cluster ? pluginWhy(qname.replace(/\.$/, ''), response, config) : `${resolver} answers from outside the cluster.`;
  else if (cluster) why = response.plugin === 'forward' ? `No object matches ${qname} and ${pluginWhy(qname, response, config).replace(/^The name/, 'the name')} It answered ${response.rcode}.` : `No object matches ${qname}, so CoreDNS's kubernetes plugin answers ${response.rcode}.`;
  else why = `${resolver} is outside the cluster and knows nothing of ${qname}: it answers ${response.rcode}.`;
  return {
    title: `${server} → ${pod.metadata.name}: ${said}`,
    detail: `${qname}: ${response.rcode}${response.answers.length ? '' : ' (no answer)'}${response.plugin && cluster ? ` (${response.plugin === 'none' ? 'no plugin' : `plugin ${response.plugin}`})` : ''}`,
    records: records.length ? records : [`${qname}. ${response.rcode}`],
    why,
  };
}
