/**
 * A pod's /etc/resolv.conf and the stub resolver's search-list walk.
 * Mirrors k/k pkg/kubelet/network/dns/dns.go (ClusterFirst: the cluster DNS
 * as the only nameserver, search <ns>.svc.<zone> svc.<zone> <zone>, ndots:5)
 * and the glibc/musl rule that a name with fewer dots than ndots is tried
 * with each search suffix first.
 */
import type { Pod } from '../model/types';

/** kind's nodes inherit the search domains of the host's Docker network; none here. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

export function podResolvConf(pod: Pod, dnsIP: string, zone: string, nodeNameserver: string): ResolvConf {
  const ns = pod.metadata.namespace!;
  const clusterFirst = pod.spec.dnsPolicy === 'ClusterFirst' || pod.spec.dnsPolicy === undefined || pod.spec.dnsPolicy === 'ClusterFirstWithHostNet';
  const usesCluster = clusterFirst && !(pod.spec.hostNetwork && pod.spec.dnsPolicy !== 'ClusterFirstWithHostNet');
  if (!usesCluster) return { nameservers: [nodeNameserver], search: [], ndots: 1 };
  return { nameservers: [dnsIP], search: [`${ns}.svc.${zone}`, `svc.${zone}`, zone], ndots: 5 };
}

export function formatResolvConf(conf: ResolvConf): string {
  const lines: string[] = [];
  if (conf.search.length) lines.push(`search ${conf.search.join(' ')}`);
  for (const ns of conf.nameservers) lines.push(`nameserver ${ns}`);
  if (conf.ndots !== 1) lines.push(`options ndots:${conf.ndots}`);
  return lines.join('\n') + '\n';
}

/** The names a stub resolver tries, in order, for a name as typed. */
export function candidateNames(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((s) => `${name}.${s}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}
