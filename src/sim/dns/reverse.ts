/**
 * Reverse (PTR) names for the in-addr.arpa zone kubeadm's Corefile gives the
 * kubernetes plugin. Mirrors coredns/coredns plugin/kubernetes/reverse.go
 * serviceRecordForIP as released in CoreDNS v1.12.0 (the kind v1.33 image):
 * - a Service whose ClusterIPs hold the address answers alone with
 *   <svc>.<ns>.svc.<zone> (controller.go svcIPIndexFunc indexes ClusterIPs only);
 * - otherwise every ready endpoint with that address *and a hostname* gives
 *   <hostname>.<svc>.<ns>.svc.<zone>. v1.12.0 carries coredns#6898 ("only create
 *   PTR records for endpoints with hostname defined"); v1.12.1 reverted it (#7194),
 *   after which an endpoint without hostname got its dashed-IP name again.
 * An address with no name falls through (fallthrough in-addr.arpa) to forward.
 */
import type { ObjectStore } from '../model/store';
import type { EndpointSlice, Service } from '../model/types';
import { parseIPv4 } from '../net/ip';

const SUFFIX = '.in-addr.arpa.';

/** "10.0.96.10.in-addr.arpa." -> "10.96.0.10"; undefined unless it spells a whole IPv4 address (dnsutil.ExtractAddressFromReverse). */
export function addressFromReverse(qname: string): string | undefined {
  if (!qname.endsWith(SUFFIX)) return undefined;
  const octets = qname.slice(0, -SUFFIX.length).split('.');
  if (octets.length !== 4) return undefined;
  const ip = octets.reverse().join('.');
  return parseIPv4(ip) === undefined ? undefined : ip;
}

/** "10.96.0.10" -> "10.0.96.10.in-addr.arpa." (what dig -x and nslookup ADDRESS ask). */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}${SUFFIX}`;
}

/** The names CoreDNS's kubernetes plugin returns for an address, in store order (CoreDNS's own order is its index's). */
export function ptrTargets(store: ObjectStore, zone: string, ip: string): string[] {
  for (const svc of store.list('Service') as Service[]) {
    const ips = svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : []);
    if (ips.includes(ip)) return [`${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}.`];
  }
  const out: string[] = [];
  for (const slice of store.list('EndpointSlice') as EndpointSlice[]) {
    const svcName = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!svcName) continue;
    for (const ep of slice.endpoints) {
      // object/endpoint.go EndpointSliceToEndpoints keeps ready endpoints only.
      if (!ep.conditions.ready || !ep.hostname || !ep.addresses.includes(ip)) continue;
      out.push(`${ep.hostname}.${svcName}.${slice.metadata.namespace}.svc.${zone}.`);
    }
  }
  return out;
}
