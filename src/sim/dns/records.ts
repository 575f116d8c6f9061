/**
 * What CoreDNS's kubernetes plugin answers for the cluster zone, with
 * kubeadm's Corefile (ttl 30, pods insecure).
 * Mirrors coredns/coredns plugin/kubernetes (kubernetes.go Records, parse.go,
 * object/endpoint.go endpointHostname) and plugin/backend_lookup.go (SRV weights).
 */
import type { ObjectStore } from '../model/store';
import type { EndpointSlice, Service } from '../model/types';
import { isIPv4 } from '../net/ip';
import { addressFromReverse, ptrTargets } from './reverse';
import { upstreamAddress } from './upstream';
import type { CorednsConfig } from './corefile-config';

export const CLUSTER_DNS_TTL = 30;

export type RRType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR' | 'SOA';

export interface ResourceRecord {
  /** Fully qualified, with the trailing dot. */
  name: string;
  ttl: number;
  type: RRType;
  /** "10.96.41.7", "0 100 80 web.default.svc.cluster.local.", "db.example.com." */
  data: string;
}

export interface DnsResponse {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  authoritative: boolean;
  answers: ResourceRecord[];
  additional: ResourceRecord[];
  /** The CoreDNS plugin that wrote the answer (none: no plugin took it, SERVFAIL). */
  plugin?: 'kubernetes' | 'hosts' | 'forward' | 'none';
  /** The name the rewrite plugin turned the question into, when it did. */
  rewrittenTo?: string;
}

/** The answering CoreDNS pod, chosen per query as kube-proxy would (Simulation.dnsContextFor). */
export interface DnsServer {
  config: CorednsConfig;
  /** Told of every exchange (the log plugin's line). */
  answered(qname: string, qtype: RRType, response: DnsResponse): void;
}

export interface DnsContext {
  store: ObjectStore;
  zone: string;
  /** Names outside the cluster that the simulated upstream resolver knows. */
  upstream: Record<string, string>;
  /** The `loadbalance` plugin's draws (dns.Id()); without it answers keep their order. */
  rng?: { int(n: number): number };
  /**
   * The resolver asked is not CoreDNS (a pod whose resolv.conf names the node's or another
   * nameserver, dnsPolicy Default or None): it knows no cluster names, only the outside world's.
   */
  outsideCluster?: boolean;
  /** The running Corefile's configuration; without it, kubeadm's (kubernetes ZONE ttl 30, forward . /etc/resolv.conf). */
  config?: CorednsConfig;
  /** Picks the CoreDNS pod that answers one query (its configuration, its log). */
  server?: () => DnsServer;
  /** The kubernetes plugin's record TTL in effect (set while answering). */
  ttl?: number;
}

const noData = (): DnsResponse => ({ rcode: 'NOERROR', authoritative: true, answers: [], additional: [] });
const nxdomain = (authoritative = true): DnsResponse => ({ rcode: 'NXDOMAIN', authoritative, answers: [], additional: [] });

interface ReadyEndpoint {
  ip: string;
  /** endpointHostname: the endpoint's hostname, else the IP with dashes. */
  host: string;
  /** The slice's resolved ports (CoreDNS keeps a -1 sentinel for a slice without ports). */
  ports: { name: string; port: number; protocol: string }[];
}

/** Ready endpoints of every slice labelled with the Service's name, whoever manages it (object/endpoint.go). */
function readyEndpoints(store: ObjectStore, svc: Service): ReadyEndpoint[] {
  const out: ReadyEndpoint[] = [];
  const seen = new Set<string>();
  for (const slice of store.list('EndpointSlice', svc.metadata.namespace) as EndpointSlice[]) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    const ports = slice.ports?.length ? slice.ports : [{ name: '', port: -1, protocol: '' }];
    for (const ep of slice.endpoints) {
      if (!ep.conditions.ready) continue;
      for (const ip of ep.addresses) {
        if (seen.has(ip)) continue;
        seen.add(ip);
        out.push({ ip, host: ep.hostname ?? ip.replace(/\./g, '-'), ports });
      }
    }
  }
  return out;
}

function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

const aRecord = (name: string, ip: string, ttl = CLUSTER_DNS_TTL): ResourceRecord => ({ name, ttl, type: 'A', data: ip });

/**
 * Answers one question for a fully qualified name, as the server sends it: kubeadm's
 * Corefile ends in `loadbalance`, whose round_robin policy shuffles the A and AAAA
 * records of every successful answer (coredns plugin/loadbalance/loadbalance.go
 * roundRobin: CNAMEs first, then other types, then the shuffled addresses).
 */
export function answer(ctx: DnsContext, qname: string, qtype: RRType): DnsResponse {
  if (ctx.server && !ctx.outsideCluster) {
    const server = ctx.server();
    const r = answer({ ...ctx, server: undefined, config: server.config }, qname, qtype);
    server.answered(fqdn(qname), qtype, r);
    return r;
  }
  const r = ctx.config && !ctx.outsideCluster ? serve(ctx, ctx.config, qname, qtype) : resolveName(ctx, qname, qtype);
  const balance = !ctx.config || ctx.config.plugins.includes('loadbalance');
  if (!ctx.rng || r.rcode !== 'NOERROR' || !balance) return r;
  return { ...r, answers: roundRobin(r.answers, ctx.rng), additional: roundRobin(r.additional, ctx.rng) };
}

const within = (name: string, zone: string) => zone === '.' || name === zone || name.endsWith(`.${zone}`);

/**
 * One query through the Corefile's plugins in plugin.cfg's order: rewrite (the first matching
 * `name` rule; plugin/rewrite/name.go), hosts (inline entries; a name it does not hold is
 * SERVFAIL unless `fallthrough`: plugin/hosts/hosts.go ServeDNS), kubernetes (its zones, its
 * ttl), forward (the upstream). A name no plugin takes ends the chain: SERVFAIL
 * (plugin.NextOrFailure's "no next plugin found").
 */
function serve(ctx: DnsContext, config: CorednsConfig, qnameIn: string, qtype: RRType): DnsResponse {
  const asked = fqdn(qnameIn.toLowerCase());
  let qname = asked;
  const rule = config.rewrites.find((r) => rewriteMatch(r, qname) !== undefined);
  if (rule) qname = rewriteMatch(rule, qname)!;
  const done = (r: DnsResponse): DnsResponse => {
    if (qname === asked) return r;
    const answers = rule?.answerAuto ? r.answers.map((a) => (a.name === qname ? { ...a, name: asked } : a)) : r.answers;
    return { ...r, answers, rewrittenTo: qname };
  };
  if (config.hosts) {
    const ips = config.hosts.entries.get(qname);
    if (ips) {
      const answers = qtype === 'A' ? ips.map((ip) => aRecord(qname, ip, config.hosts!.ttl)) : [];
      return done({ ...noData(), answers, plugin: 'hosts' });
    }
    if (!config.hosts.fallthrough) return done({ rcode: 'SERVFAIL', authoritative: false, answers: [], additional: [], plugin: 'hosts' });
  }
  const k8s = config.kubernetes;
  if (k8s) {
    const zone = k8s.zones.find((z) => within(qname, z));
    if (zone) {
      const cluster = k8s.zones.find((z) => !z.endsWith('.arpa.'));
      const sub: DnsContext = { ...ctx, config: undefined, zone: (cluster ?? ctx.zone).replace(/\.$/, ''), ttl: k8s.ttl };
      if (zone.endsWith('.arpa.')) {
        const r = reverse(sub, qname, qtype, k8s.fallthroughReverse && config.forward !== undefined);
        return done(r);
      }
      return done({ ...resolveName(sub, qname, qtype), plugin: 'kubernetes' });
    }
  }
  if (config.forward && within(qname, config.forward.from)) return done({ ...forward(ctx, qname, qtype), plugin: 'forward' });
  return done({ rcode: 'SERVFAIL', authoritative: false, answers: [], additional: [], plugin: 'none' });
}

/** A `rewrite name` rule's new name for `qname`, if it matches (exact, prefix, suffix, substring, regex with {N} groups). */
export function rewriteMatch(rule: CorednsConfig['rewrites'][number], qname: string): string | undefined {
  const { from, to } = rule;
  switch (rule.match) {
    case 'exact':
      return qname === from ? to : undefined;
    case 'prefix':
      return qname.startsWith(from) ? to + qname.slice(from.length) : undefined;
    case 'suffix':
      return qname.endsWith(from) ? qname.slice(0, -from.length) + to : undefined;
    case 'substring':
      return qname.includes(from) ? qname.replace(from, to) : undefined;
    case 'regex': {
      const m = new RegExp(from).exec(qname);
      if (!m) return undefined;
      return fqdn(to.replace(/\{(\d+)\}/g, (_, n: string) => m[Number(n)] ?? ''));
    }
  }
}

function roundRobin(records: ResourceRecord[], rng: { int(n: number): number }): ResourceRecord[] {
  if (records.length <= 1) return records;
  const isAddress = (r: ResourceRecord) => r.type === 'A' || r.type === 'AAAA';
  const address = records.filter(isAddress);
  if (address.length < 2) return records;
  const id = () => rng.int(65536);
  const shuffled = [...address];
  if (shuffled.length === 2) {
    if (id() % 2 === 0) shuffled.reverse();
  } else {
    for (let j = 0; j < shuffled.length; j++) {
      const p = j + (id() % (shuffled.length - j));
      if (p !== j) [shuffled[j], shuffled[p]] = [shuffled[p]!, shuffled[j]!];
    }
  }
  if (address.length === records.length) return shuffled;
  return [...records.filter((r) => r.type === 'CNAME'), ...records.filter((r) => r.type !== 'CNAME' && !isAddress(r)), ...shuffled];
}

function resolveName(ctx: DnsContext, qnameIn: string, qtype: RRType): DnsResponse {
  const qname = fqdn(qnameIn.toLowerCase());
  const ttl = ctx.ttl ?? CLUSTER_DNS_TTL;
  if (ctx.outsideCluster) return forward(ctx, qname, qtype);
  if (qname === `${ctx.zone}.`) return noData();
  if (qname.endsWith('.in-addr.arpa.')) return reverse(ctx, qname, qtype);
  const zoneSuffix = `.${ctx.zone}.`;
  if (!qname.endsWith(zoneSuffix)) return forward(ctx, qname, qtype);
  const labels = qname.slice(0, -zoneSuffix.length).split('.');
  const kindLabel = labels[labels.length - 1];
  if (kindLabel !== 'pod' && kindLabel !== 'svc') return nxdomain();
  // parseRequest: "svc.<zone>" and "pod.<zone>" are apex queries (NODATA); "<ns>.svc.<zone>" is NODATA when the namespace exists.
  if (labels.length === 1) return noData();
  const parts = labels.slice(0, -1);
  const ns = parts[parts.length - 1]!;
  if (!ctx.store.get('Namespace', undefined, ns)) return nxdomain();
  if (parts.length === 1) return noData();
  if (kindLabel === 'pod') {
    // pods insecure: any well-formed dashed IPv4 in an existing namespace.
    if (parts.length !== 2) return nxdomain();
    const ip = parts[0]!.replace(/-/g, '.');
    if (!isIPv4(ip)) return nxdomain();
    return qtype === 'A' ? { ...noData(), answers: [aRecord(qname, ip, ttl)] } : noData();
  }
  if (parts.length === 4) return portQuery(ctx, parts[2]!, ns, parts[0]!.replace(/^_/, ''), parts[1]!.replace(/^_/, ''), qname, qtype);
  if (parts.length > 4) return nxdomain();
  const svcName = parts[parts.length - 2]!;
  const svc = ctx.store.get('Service', ns, svcName);
  if (!svc) return nxdomain();
  if (parts.length === 3) {
    // An endpoint name: answered for headless and ClusterIP Services alike (findServices: svc.Headless() || r.endpoint != "").
    if (svc.spec.type === 'ExternalName') return nxdomain();
    const ep = readyEndpoints(ctx.store, svc).find((a) => a.host === parts[0]);
    if (!ep) return nxdomain();
    return qtype === 'A' ? { ...noData(), answers: [aRecord(qname, ep.ip, ttl)] } : noData();
  }
  if (svc.spec.type === 'ExternalName') {
    const target = fqdn(svc.spec.externalName ?? '');
    const cname: ResourceRecord = { name: qname, ttl, type: 'CNAME', data: target };
    if (qtype === 'CNAME') return { ...noData(), answers: [cname] };
    const chased = resolveName(ctx, target, qtype);
    return { rcode: chased.rcode === 'NXDOMAIN' ? 'NOERROR' : chased.rcode, authoritative: true, answers: [cname, ...chased.answers], additional: [] };
  }
  if (qtype === 'SRV') return portQuery(ctx, svcName, ns, undefined, undefined, qname, qtype);
  if (qtype !== 'A') return noData();
  if (svc.spec.clusterIP === 'None') {
    const addrs = readyEndpoints(ctx.store, svc);
    if (addrs.length === 0) return nxdomain();
    return { ...noData(), answers: addrs.map((a) => aRecord(qname, a.ip, ttl)) };
  }
  return { ...noData(), answers: [aRecord(qname, svc.spec.clusterIP!, ttl)] };
}

const matches = (want: string | undefined, have: string): boolean => want === undefined || want === '*' || want === 'any' || want.toLowerCase() === have.toLowerCase();

/**
 * SRV (and A) answers for a Service's ports: the ClusterIP's Service ports, or
 * for a headless Service each ready endpoint with the slice's resolved ports.
 * Weight is floor(100 / records), the targets' A records go in the additional
 * section once each (plugin/backend_lookup.go SRV).
 */
function portQuery(ctx: DnsContext, svcName: string, ns: string, portName: string | undefined, proto: string | undefined, qname: string, qtype: RRType): DnsResponse {
  const svc = ctx.store.get('Service', ns, svcName);
  if (!svc || svc.spec.type === 'ExternalName') return nxdomain();
  const base = `${svcName}.${ns}.svc.${ctx.zone}.`;
  const targets: { host: string; ip: string; port: number }[] = [];
  if (svc.spec.clusterIP === 'None') {
    for (const a of readyEndpoints(ctx.store, svc)) {
      for (const p of a.ports) if (matches(portName, p.name) && matches(proto, p.protocol)) targets.push({ host: `${a.host}.${base}`, ip: a.ip, port: p.port });
    }
  } else {
    for (const p of svc.spec.ports) if (matches(portName, p.name ?? '') && matches(proto, p.protocol)) targets.push({ host: base, ip: svc.spec.clusterIP!, port: p.port });
  }
  if (targets.length === 0) return nxdomain();
  const ttl = ctx.ttl ?? CLUSTER_DNS_TTL;
  if (qtype === 'A') {
    const ips = [...new Set(targets.map((t) => t.ip))];
    return { ...noData(), answers: ips.map((ip) => aRecord(qname, ip, ttl)) };
  }
  if (qtype !== 'SRV') return noData();
  const weight = Math.floor(100 / targets.length);
  const additional: ResourceRecord[] = [];
  for (const t of targets) if (!additional.some((r) => r.name === t.host && r.data === t.ip)) additional.push(aRecord(t.host, t.ip, ttl));
  return {
    rcode: 'NOERROR',
    authoritative: true,
    answers: targets.map((t) => ({ name: qname, ttl, type: 'SRV' as const, data: `0 ${weight} ${t.port} ${t.host}` })),
    additional,
  };
}

/**
 * The in-addr.arpa zone: PTR for a Service's ClusterIP or a named endpoint (reverse.ts).
 * Anything else is a name error for the plugin (Reverse returns errNoItems; other types
 * fail parseRequest), and `fallthrough in-addr.arpa ip6.arpa` hands it to forward
 * (plugin/kubernetes/handler.go ServeDNS: IsNameError && Fall.Through).
 */
function reverse(ctx: DnsContext, qname: string, qtype: RRType, fallthrough = true): DnsResponse {
  const ip = addressFromReverse(qname);
  const names = ip && qtype === 'PTR' ? ptrTargets(ctx.store, ctx.zone, ip) : [];
  if (names.length === 0) return fallthrough ? { ...forward(ctx, qname, qtype), plugin: 'forward' } : { ...nxdomain(), plugin: 'kubernetes' };
  return { ...noData(), answers: names.map((data) => ({ name: qname, ttl: ctx.ttl ?? CLUSTER_DNS_TTL, type: 'PTR' as const, data })), plugin: 'kubernetes' };
}

const AS112_ZONES = ['10.in-addr.arpa.', '168.192.in-addr.arpa.', ...Array.from({ length: 16 }, (_, i) => `${16 + i}.172.in-addr.arpa.`)];

/**
 * The SOA the simulated upstream puts in the authority section of a negative answer.
 * Private reverse zones (RFC 1918) are answered by AS112 (RFC 6304 zone contents), as a
 * public resolver forwards them; other names get the root zone's SOA. Which upstream a
 * kind node really has depends on the host, so this is a chosen, plausible one. TTL 30:
 * `cache 30` caps the TTLs of the reply it stores and passes on (plugin/cache).
 */
export function upstreamSoa(qname: string): ResourceRecord {
  const zone = AS112_ZONES.find((z) => qname.endsWith(`.${z}`) || qname === z);
  if (zone) return { name: zone, ttl: CLUSTER_DNS_TTL, type: 'SOA', data: 'prisoner.iana.org. hostmaster.root-servers.org. 1 604800 60 604800 604800' };
  return { name: '.', ttl: CLUSTER_DNS_TTL, type: 'SOA', data: 'a.root-servers.net. nstld.verisign-grs.com. 2026010100 1800 900 604800 86400' };
}

/** `forward . /etc/resolv.conf`: the node's upstream, simulated (upstream.ts: known names, else a stand-in address). */
function forward(ctx: DnsContext, qname: string, qtype: RRType): DnsResponse {
  const ip = upstreamAddress(ctx.upstream, qname.slice(0, -1));
  if (!ip) return nxdomain(false);
  if (qtype !== 'A') return { rcode: 'NOERROR', authoritative: false, answers: [], additional: [] };
  return { rcode: 'NOERROR', authoritative: false, answers: [{ name: qname, ttl: CLUSTER_DNS_TTL, type: 'A', data: ip }], additional: [] };
}
