/**
 * A pod's /etc/resolv.conf and the stub resolver's search-list walk.
 * Mirrors k/k pkg/kubelet/network/dns/dns.go GetPodDNS: getPodDNSType picks the base
 * (ClusterFirst: the cluster DNS as the only nameserver, search <ns>.svc.<zone> svc.<zone>
 * <zone> then the node's own, options ndots:5; Default, and ClusterFirst on the host network:
 * the node's resolv.conf; None: nothing), appendDNSConfig merges spec.dnsConfig on top
 * (duplicates omitted, options by name) and formDNSConfigFitsLimits keeps 3 nameservers and
 * 32 search paths of at most 2048 characters. containerd writes the file: search, nameserver
 * lines, options. A name with fewer dots than ndots is tried with each search suffix first
 * (the glibc/musl rule).
 */
import type { Pod } from '../model/types';

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** The options line's entries, in order (ndots:5 ...). */
  options: string[];
}

/** pkg/apis/core/validation MaxDNSNameservers, MaxDNSSearchPaths, MaxDNSSearchListChars (the kubelet's limits too). */
export const MAX_DNS_NAMESERVERS = 3;
export const MAX_DNS_SEARCH_PATHS = 32;
export const MAX_DNS_SEARCH_LIST_CHARS = 2048;

/** What kind's nodes put in their own resolv.conf: docker's embedded DNS via the network gateway. */
export const NODE_NAMESERVER = '172.18.0.1';

/**
 * kind's node resolv.conf: Docker's embedded DNS, which kind's entrypoint rewrites to the
 * network gateway (172.18.0.1) so pods can reach it; the host's search domains: none here.
 */
function hostConf(nodeNameserver: string): Omit<ResolvConf, 'ndots'> {
  return { nameservers: [nodeNameserver], search: [], options: [] };
}

type DnsType = 'none' | 'cluster' | 'host';

/** getPodDNSType: ClusterFirst on the host network falls back to the node's resolv.conf. */
function podDnsType(pod: Pod): DnsType {
  switch (pod.spec.dnsPolicy) {
    case 'None':
      return 'none';
    case 'ClusterFirstWithHostNet':
      return 'cluster';
    case 'Default':
      return 'host';
    default:
      return pod.spec.hostNetwork ? 'host' : 'cluster';
  }
}

const omitDuplicates = (xs: string[]) => [...new Set(xs)];

/**
 * mergeDNSOptions: an option named again takes the new value. Departure: upstream rebuilds the
 * list from a Go map, so its order varies from pod to pod; here it keeps first-seen order.
 */
function mergeOptions(existing: string[], extra: { name: string; value?: string }[]): string[] {
  const merged = new Map<string, string>();
  for (const op of existing) {
    const i = op.indexOf(':');
    if (i === -1) merged.set(op, '');
    else merged.set(op.slice(0, i), op.slice(i + 1));
  }
  for (const op of extra) merged.set(op.name, op.value ?? '');
  return [...merged].map(([name, value]) => (value ? `${name}:${value}` : name));
}

/** formDNSSearchFitsLimits: at most 32 paths, at most 2048 characters with the spaces. */
function searchFitsLimits(search: string[]): string[] {
  let kept = search.slice(0, MAX_DNS_SEARCH_PATHS);
  while (kept.join(' ').length > MAX_DNS_SEARCH_LIST_CHARS) kept = kept.slice(0, -1);
  return kept;
}

export function podResolvConf(pod: Pod, dnsIP: string, zone: string, nodeNameserver: string): ResolvConf {
  const ns = pod.metadata.namespace!;
  const host = hostConf(nodeNameserver);
  let conf: Omit<ResolvConf, 'ndots'>;
  switch (podDnsType(pod)) {
    case 'none':
      conf = { nameservers: [], search: [], options: [] };
      break;
    case 'cluster':
      conf = { nameservers: [dnsIP], search: [`${ns}.svc.${zone}`, `svc.${zone}`, zone, ...host.search], options: ['ndots:5'] };
      break;
    default:
      conf = host;
  }
  const extra = pod.spec.dnsConfig;
  if (extra) {
    conf = {
      nameservers: omitDuplicates([...conf.nameservers, ...(extra.nameservers ?? [])]),
      search: omitDuplicates([...conf.search, ...(extra.searches ?? [])]),
      options: mergeOptions(conf.options, extra.options ?? []),
    };
  }
  const options = conf.options;
  const ndotsOption = [...options].reverse().find((o) => o.startsWith('ndots:'));
  const ndots = ndotsOption ? Math.min(15, Number(ndotsOption.slice('ndots:'.length)) || 0) : 1;
  return { nameservers: conf.nameservers.slice(0, MAX_DNS_NAMESERVERS), search: searchFitsLimits(conf.search), ndots, options };
}

export function formatResolvConf(conf: ResolvConf): string {
  const lines: string[] = [];
  if (conf.search.length) lines.push(`search ${conf.search.join(' ')}`);
  for (const ns of conf.nameservers) lines.push(`nameserver ${ns}`);
  if (conf.options.length) lines.push(`options ${conf.options.join(' ')}`);
  return lines.join('\n') + '\n';
}

/** The names a stub resolver tries, in order, for a name as typed. */
export function candidateNames(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((s) => `${name}.${s}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}
