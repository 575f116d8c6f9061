/**
 * The rules one service port gets on one node, following the body of the service loop in
 * k/k pkg/proxy/iptables/proxier.go syncProxyRules (v1.30+), with
 * writeServiceToEndpointRules for the SVC/SVL chains.
 */
import { categorizeEndpoints, externallyAccessible, usesClusterEndpoints, usesLocalEndpoints } from '../categorize';
import { endpointChainFor, servicePortChains } from '../chain-names';
import { endpointString, servicePortName, type ProxyEndpoint, type ProxyServicePort } from '../service-port';
import { cidrContains, parseCidr, parseIPv4 } from '../../net/ip';
import type { Builders, IptablesNodeContext } from './render-base';
import type { L4, Match, TableBuilder, Target } from './rules';

const comment = (text: string): Match => ({ kind: 'comment', text });
const jump = (chain: string): Target => ({ kind: 'jump', chain });
const MARK_MASQ = jump('KUBE-MARK-MASQ');

/** "1/n" as kube-proxy computes it: fmt.Sprintf("%0.10f", 1.0/float64(n)), parsed back. */
export function probabilityFor(n: number): number {
  return Number((1 / n).toFixed(10));
}

/** Writes the nat and filter rules of one service port. `largeCluster` drops per-endpoint comments. */
export function renderServicePort(b: Builders, sp: ProxyServicePort, ctx: IptablesNodeContext, largeCluster: boolean): void {
  if (!sp.clusterIP) return;
  const proto = sp.protocol.toLowerCase() as L4;
  const spn = servicePortName(sp);
  const chains = servicePortChains(sp);
  const { clusterEndpoints, localEndpoints, allReachable, hasAnyEndpoints } = categorizeEndpoints(sp, ctx.nodeName);
  const usesClusterChain = clusterEndpoints.length > 0 && usesClusterEndpoints(sp);
  const usesLocalChain = localEndpoints.length > 0 && usesLocalEndpoints(sp);
  const internalChain = sp.internalPolicyLocal ? chains.local : chains.cluster;
  const hasInternal = hasAnyEndpoints && (!sp.internalPolicyLocal || localEndpoints.length > 0);
  const externalPolicyChain = sp.externalPolicyLocal ? chains.local : chains.cluster;
  const hasExternal = hasAnyEndpoints && (!sp.externalPolicyLocal || localEndpoints.length > 0);
  const usesExtChain = hasAnyEndpoints && externallyAccessible(sp);
  const usesFwChain = hasAnyEndpoints && sp.loadBalancerIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  const lbChain = usesFwChain ? chains.firewall : chains.external;

  const noEps = `${spn} has no endpoints`;
  const noLocal = `${spn} has no local endpoints`;
  const internalFilter: [string, Target] = hasAnyEndpoints ? [noLocal, { kind: 'DROP' }] : [noEps, { kind: 'REJECT' }];
  const externalFilter = internalFilter;
  const toIP = (ip: string, port: number): Match[] => [
    { kind: 'l4', proto, dport: port }, { kind: 'proto', proto }, { kind: 'dst', cidr: ip },
  ];
  const { nat, filter } = b;
  const clusterIPMatches = [comment(`${spn} cluster IP`), ...toIP(sp.clusterIP, sp.port)];

  if (hasInternal) nat.append('KUBE-SERVICES', clusterIPMatches, jump(internalChain));
  else filter.append('KUBE-SERVICES', [comment(internalFilter[0]), ...toIP(sp.clusterIP, sp.port)], internalFilter[1]);

  for (const ip of sp.externalIPs) {
    if (hasAnyEndpoints) nat.append('KUBE-SERVICES', [comment(`${spn} external IP`), ...toIP(ip, sp.port)], jump(chains.external));
    if (!hasExternal) filter.append('KUBE-EXTERNAL-SERVICES', [comment(externalFilter[0]), ...toIP(ip, sp.port)], externalFilter[1]);
  }
  for (const ip of sp.loadBalancerIPs) {
    if (hasAnyEndpoints) nat.append('KUBE-SERVICES', [comment(`${spn} loadbalancer IP`), ...toIP(ip, sp.port)], jump(lbChain));
    if (usesFwChain) {
      filter.append('KUBE-PROXY-FIREWALL', [comment(`${spn} traffic not accepted by ${chains.firewall}`), ...toIP(ip, sp.port)], { kind: 'DROP' });
    }
  }
  if (!hasExternal) {
    for (const ip of sp.loadBalancerIPs) {
      filter.append('KUBE-EXTERNAL-SERVICES', [comment(externalFilter[0]), ...toIP(ip, sp.port)], externalFilter[1]);
    }
  }
  if (sp.nodePort) {
    const np: Match[] = [{ kind: 'l4', proto, dport: sp.nodePort }, { kind: 'proto', proto }];
    if (hasAnyEndpoints) {
      if ((ctx.localhostNodePorts ?? true) && (ctx.nfacct ?? true)) {
        nat.append('KUBE-NODEPORTS', [comment(spn), { kind: 'l4', proto, dport: sp.nodePort }, { kind: 'proto', proto },
          { kind: 'dst', cidr: '127.0.0.0/8' }, { kind: 'nfacct', name: 'localhost_nps_accepted_pkts' }], jump(chains.external));
      }
      nat.append('KUBE-NODEPORTS', [comment(spn), ...np], jump(chains.external));
    }
    if (!hasExternal) {
      filter.append('KUBE-EXTERNAL-SERVICES', [comment(externalFilter[0]), { kind: 'addrtype', dstType: 'LOCAL' }, ...np], externalFilter[1]);
    }
  }
  if (sp.healthCheckNodePort) {
    filter.append('KUBE-NODEPORTS', [comment(`${spn} health check node port`), { kind: 'l4', proto: 'tcp', dport: sp.healthCheckNodePort },
      { kind: 'proto', proto: 'tcp' }], { kind: 'ACCEPT' });
  }

  if (hasInternal) nat.append(internalChain, [...clusterIPMatches, { kind: 'src', cidr: ctx.clusterCIDR, invert: true }], MARK_MASQ);

  if (usesExtChain) {
    const ext = chains.external;
    nat.chain(ext);
    if (!sp.externalPolicyLocal) {
      nat.append(ext, [comment(`masquerade traffic for ${spn} external destinations`)], MARK_MASQ);
    } else {
      nat.append(ext, [comment(`pod traffic for ${spn} external destinations`), { kind: 'src', cidr: ctx.clusterCIDR }], jump(chains.cluster));
      nat.append(ext, [comment(`masquerade LOCAL traffic for ${spn} external destinations`), { kind: 'addrtype', srcType: 'LOCAL' }], MARK_MASQ);
      nat.append(ext, [comment(`route LOCAL traffic for ${spn} external destinations`), { kind: 'addrtype', srcType: 'LOCAL' }], jump(chains.cluster));
    }
    if (hasExternal) nat.append(ext, [], jump(externalPolicyChain));
  }

  if (usesFwChain) {
    const fw = chains.firewall;
    nat.chain(fw);
    const lbComment = comment(`${spn} loadbalancer IP`);
    let allowFromNode = false;
    for (const range of sp.loadBalancerSourceRanges) {
      nat.append(fw, [lbComment, { kind: 'src', cidr: range.trim() }], jump(chains.external));
      if (cidrHolds(range.trim(), ctx.nodeIP)) allowFromNode = true;
    }
    if (allowFromNode) for (const ip of sp.loadBalancerIPs) nat.append(fw, [lbComment, { kind: 'src', cidr: ip }], jump(chains.external));
    nat.append(fw, [comment(`other traffic to ${spn} will be dropped by KUBE-PROXY-FIREWALL`)]);
  }

  if (usesClusterChain) writeServiceToEndpointRules(nat, sp, chains.cluster, clusterEndpoints, largeCluster);
  if (usesLocalChain) writeServiceToEndpointRules(nat, sp, chains.local, localEndpoints, largeCluster);

  for (const e of allReachable) {
    const sep = endpointChainFor(sp, e);
    const base: Match[] = largeCluster ? [] : [comment(spn)];
    nat.chain(sep).append(sep, [...base, { kind: 'src', cidr: e.ip }], MARK_MASQ);
    const affinity: Match[] = sp.affinityTimeoutSeconds !== undefined ? [{ kind: 'recent', op: 'set', name: sep }] : [];
    nat.append(sep, [...base, ...affinity, { kind: 'l4', proto }, { kind: 'proto', proto }], { kind: 'DNAT', to: endpointString(e) });
  }
}

function writeServiceToEndpointRules(nat: TableBuilder, sp: ProxyServicePort, chain: string, eps: ProxyEndpoint[], large: boolean): void {
  nat.chain(chain);
  const spn = servicePortName(sp);
  const note = (e: ProxyEndpoint): Match[] => (large ? [] : [comment(`${spn} -> ${endpointString(e)}`)]);
  if (sp.affinityTimeoutSeconds !== undefined) {
    for (const e of eps) {
      const sep = endpointChainFor(sp, e);
      nat.append(chain, [...note(e), { kind: 'recent', op: 'rcheck', name: sep, seconds: sp.affinityTimeoutSeconds, reap: true }], jump(sep));
    }
  }
  eps.forEach((e, i) => {
    const stat: Match[] = i < eps.length - 1 ? [{ kind: 'statistic', probability: probabilityFor(eps.length - i) }] : [];
    nat.append(chain, [...note(e), ...stat], jump(endpointChainFor(sp, e)));
  });
}

function cidrHolds(cidr: string, ip: string): boolean {
  const c = parseCidr(cidr);
  const addr = parseIPv4(ip);
  return c !== undefined && addr !== undefined && cidrContains(c, addr);
}
