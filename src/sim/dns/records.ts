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

const aRecord = (name: string, ip: string): ResourceRecord => ({ name, ttl: CLUSTER_DNS_TTL, type: 'A', data: ip });

/**
 * Answers one question for a fully qualified name, as the server sends it: kubeadm's
 * Corefile ends in `loadbalance`, whose round_robin policy shuffles the A and AAAA
 * records of every successful answer (coredns plugin/loadbalance/loadbalance.go
 * roundRobin: CNAMEs first, then other types, then the shuffled addresses).
 */
export function answer(ctx: DnsContext, qname: string, qtype: RRType): DnsResponse {
  const r = resolveName(ctx, qname, qtype);
  if (!ctx.rng || r.rcode !== 'NOERROR') return r;
  return { ...r, answers: roundRobin(r.answers, ctx.rng), additional: roundRobin(r.additional, ctx.rng) };
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
    return qtype === 'A' ? { ...noData(), answers: [aRecord(qname, ip)] } : noData();
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
    return qtype === 'A' ? { ...noData(), answers: [aRecord(qname, ep.ip)] } : noData();
  }
  if (svc.spec.type === 'ExternalName') {
    const target = fqdn(svc.spec.externalName ?? '');
    const cname: ResourceRecord = { name: qname, ttl: CLUSTER_DNS_TTL, type: 'CNAME', data: target };
    if (qtype === 'CNAME') return { ...noData(), answers: [cname] };
    const chased = resolveName(ctx, target, qtype);
    return { rcode: chased.rcode === 'NXDOMAIN' ? 'NOERROR' : chased.rcode, authoritative: true, answers: [cname, ...chased.answers], additional: [] };
  }
  if (qtype === 'SRV') return portQuery(ctx, svcName, ns, undefined, undefined, qname, qtype);
  if (qtype !== 'A') return noData();
  if (svc.spec.clusterIP === 'None') {
    const addrs = readyEndpoints(ctx.store, svc);
    if (addrs.length === 0) return nxdomain();
    return { ...noData(), answers: addrs.map((a) => aRecord(qname, a.ip)) };
  }
  return { ...noData(), answers: [aRecord(qname, svc.spec.clusterIP!)] };
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
  if (qtype === 'A') {
    const ips = [...new Set(targets.map((t) => t.ip))];
    return { ...noData(), answers: ips.map((ip) => aRecord(qname, ip)) };
  }
  if (qtype !== 'SRV') return noData();
  const weight = Math.floor(100 / targets.length);
  const additional: ResourceRecord[] = [];
  for (const t of targets) if (!additional.some((r) => r.name === t.host && r.data === t.ip)) additional.push(aRecord(t.host, t.ip));
  return {
    rcode: 'NOERROR',
    authoritative: true,
    answers: targets.map((t) => ({ name: qname, ttl: CLUSTER_DNS_TTL, type: 'SRV' as const, data: `0 ${weight} ${t.port} ${t.host}` })),
    additional,
  };
}

/**
 * The in-addr.arpa zone: PTR for a Service's ClusterIP or a named endpoint (reverse.ts).
 * Anything else is a name error for the plugin (Reverse returns errNoItems; other types
 * fail parseRequest), and `fallthrough in-addr.arpa ip6.arpa` hands it to forward
 * (plugin/kubernetes/handler.go ServeDNS: IsNameError && Fall.Through).
 */
function reverse(ctx: DnsContext, qname: string, qtype: RRType): DnsResponse {
  const ip = addressFromReverse(qname);
  const names = ip && qtype === 'PTR' ? ptrTargets(ctx.store, ctx.zone, ip) : [];
  if (names.length === 0) return forward(ctx, qname, qtype);
  return { ...noData(), answers: names.map((data) => ({ name: qname, ttl: CLUSTER_DNS_TTL, type: 'PTR' as const, data })) };
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
