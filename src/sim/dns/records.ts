/**
 * What CoreDNS's kubernetes plugin answers for the cluster zone, with
 * kubeadm's Corefile (ttl 30, pods insecure).
 * Mirrors coredns/coredns plugin/kubernetes (kubernetes.go Records, parse.go,
 * object/endpoint.go endpointHostname) and plugin/backend_lookup.go (SRV weights).
 */
import type { ObjectStore } from '../model/store';
import type { EndpointSlice, Service } from '../model/types';
import { isIPv4 } from '../net/ip';

export const CLUSTER_DNS_TTL = 30;

export type RRType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR';

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
}

const noData = (): DnsResponse => ({ rcode: 'NOERROR', authoritative: true, answers: [], additional: [] });
const nxdomain = (authoritative = true): DnsResponse => ({ rcode: 'NXDOMAIN', authoritative, answers: [], additional: [] });

function readyAddresses(store: ObjectStore, svc: Service): { ip: string; host: string }[] {
  const out: { ip: string; host: string }[] = [];
  const seen = new Set<string>();
  for (const slice of store.list('EndpointSlice', svc.metadata.namespace) as EndpointSlice[]) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    for (const ep of slice.endpoints) {
      if (!ep.conditions.ready) continue;
      for (const ip of ep.addresses) {
        if (seen.has(ip)) continue;
        seen.add(ip);
        out.push({ ip, host: ep.hostname ?? ip.replace(/\./g, '-') });
      }
    }
  }
  return out;
}

function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** Answers one question for a fully qualified name. */
export function answer(ctx: DnsContext, qnameIn: string, qtype: RRType): DnsResponse {
  const qname = fqdn(qnameIn.toLowerCase());
  const zoneSuffix = `.${ctx.zone}.`;
  if (!qname.endsWith(zoneSuffix)) return forward(ctx, qname, qtype);
  const labels = qname.slice(0, -zoneSuffix.length).split('.');
  const kindLabel = labels[labels.length - 1];
  if (kindLabel === 'pod' && labels.length === 3) {
    const [dashed, ns] = labels as [string, string];
    const ip = dashed.replace(/-/g, '.');
    if (!isIPv4(ip) || !ctx.store.get('Namespace', undefined, ns)) return nxdomain();
    return qtype === 'A' ? { ...noData(), answers: [{ name: qname, ttl: CLUSTER_DNS_TTL, type: 'A', data: ip }] } : noData();
  }
  if (kindLabel !== 'svc') return nxdomain();
  const parts = labels.slice(0, -1);
  if (parts.length === 1) return ctx.store.get('Namespace', undefined, parts[0]!) ? noData() : nxdomain();
  if (parts.length === 4 && parts[0]!.startsWith('_') && parts[1]!.startsWith('_')) {
    return srvFor(ctx, parts[2]!, parts[3]!, parts[0]!.slice(1), parts[1]!.slice(1), qname, qtype);
  }
  const [svcName, ns] = parts.length === 3 ? [parts[1]!, parts[2]!] : [parts[0]!, parts[1]!];
  const svc = parts.length <= 3 ? ctx.store.get('Service', ns, svcName) : undefined;
  if (!svc) return nxdomain();
  if (parts.length === 3) {
    const ep = svc.spec.clusterIP === 'None' ? readyAddresses(ctx.store, svc).find((a) => a.host === parts[0]) : undefined;
    if (!ep) return nxdomain();
    return qtype === 'A' ? { ...noData(), answers: [{ name: qname, ttl: CLUSTER_DNS_TTL, type: 'A', data: ep.ip }] } : noData();
  }
  if (svc.spec.type === 'ExternalName') {
    const target = fqdn(svc.spec.externalName ?? '');
    const cname: ResourceRecord = { name: qname, ttl: CLUSTER_DNS_TTL, type: 'CNAME', data: target };
    if (qtype === 'CNAME') return { ...noData(), answers: [cname] };
    const chased = answer(ctx, target, qtype);
    return { rcode: chased.rcode === 'NXDOMAIN' ? 'NOERROR' : chased.rcode, authoritative: true, answers: [cname, ...chased.answers], additional: [] };
  }
  if (qtype === 'SRV') return srvFor(ctx, svcName, ns, undefined, undefined, qname, qtype);
  if (qtype !== 'A') return noData();
  if (svc.spec.clusterIP === 'None') {
    const addrs = readyAddresses(ctx.store, svc);
    if (addrs.length === 0) return nxdomain();
    return { ...noData(), answers: addrs.map((a) => ({ name: qname, ttl: CLUSTER_DNS_TTL, type: 'A' as const, data: a.ip })) };
  }
  return { ...noData(), answers: [{ name: qname, ttl: CLUSTER_DNS_TTL, type: 'A', data: svc.spec.clusterIP! }] };
}

function srvFor(ctx: DnsContext, svcName: string, ns: string, portName: string | undefined, proto: string | undefined, qname: string, qtype: RRType): DnsResponse {
  const svc = ctx.store.get('Service', ns, svcName);
  if (!svc || svc.spec.type === 'ExternalName') return nxdomain();
  const ports = svc.spec.ports.filter(
    (p) => (portName === undefined || p.name === portName) && (proto === undefined || p.protocol.toLowerCase() === proto),
  );
  if (ports.length === 0) return nxdomain();
  if (qtype !== 'SRV') return noData();
  const base = `${svcName}.${ns}.svc.${ctx.zone}.`;
  const targets: { host: string; ip: string; port: number }[] = [];
  if (svc.spec.clusterIP === 'None') {
    for (const a of readyAddresses(ctx.store, svc)) for (const p of ports) targets.push({ host: `${a.host}.${base}`, ip: a.ip, port: typeof p.targetPort === 'number' ? p.targetPort : p.port });
  } else {
    for (const p of ports) targets.push({ host: base, ip: svc.spec.clusterIP!, port: p.port });
  }
  if (targets.length === 0) return nxdomain();
  const weight = Math.floor(100 / targets.length);
  return {
    rcode: 'NOERROR',
    authoritative: true,
    answers: targets.map((t) => ({ name: qname, ttl: CLUSTER_DNS_TTL, type: 'SRV' as const, data: `0 ${weight} ${t.port} ${t.host}` })),
    additional: targets.map((t) => ({ name: t.host, ttl: CLUSTER_DNS_TTL, type: 'A' as const, data: t.ip })),
  };
}

/** `forward . /etc/resolv.conf`: the node's upstream, simulated by a small table. */
function forward(ctx: DnsContext, qname: string, qtype: RRType): DnsResponse {
  const ip = ctx.upstream[qname.slice(0, -1)];
  if (!ip) return nxdomain(false);
  if (qtype !== 'A') return { rcode: 'NOERROR', authoritative: false, answers: [], additional: [] };
  return { rcode: 'NOERROR', authoritative: false, answers: [{ name: qname, ttl: CLUSTER_DNS_TTL, type: 'A', data: ip }], additional: [] };
}
