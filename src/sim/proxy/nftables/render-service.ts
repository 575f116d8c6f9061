/**
 * One service port's chains, sets and map elements, following the loop body of
 * syncProxyRules and writeServiceToEndpointRules in k/k pkg/proxy/nftables/proxier.go
 * (release-1.33), in the same order, so chains and sets are created as the kernel
 * would list them.
 */
import { categorizeEndpoints, externallyAccessible, usesClusterEndpoints, usesLocalEndpoints } from '../categorize';
import { nftEndpointChainBase, nftServicePortChainBase } from '../chain-names';
import { cidrContains, parseCidr, parseIPv4 } from '../../net/ip';
import { servicePortName, type ProxyEndpoint, type ProxyServicePort } from '../service-port';
import type { NftL4, NftStmt, NftVerdict } from './model';
import type { NftNodeContext, NftTableBuilder } from './render-base';

const jump = (chain: string): NftStmt => ({ kind: 'verdict', verdict: { kind: 'jump', chain } });
const goto = (chain: string): NftStmt => ({ kind: 'verdict', verdict: { kind: 'goto', chain } });
const MASQ = jump('mark-for-masquerade');

/** Renders one service port into the builder (a no-op for headless services). */
export function renderNftServicePort(b: NftTableBuilder, sp: ProxyServicePort, ctx: NftNodeContext): void {
  if (!sp.clusterIP) return;
  const proto = sp.protocol.toLowerCase() as NftL4;
  const base = nftServicePortChainBase(sp);
  const clusterChain = `service-${base}`, localChain = `local-${base}`;
  const extChain = `external-${base}`, fwChain = `firewall-${base}`;
  const epName = (ep: ProxyEndpoint) => nftEndpointChainBase(sp, ep);
  const affinity = sp.affinityTimeoutSeconds !== undefined;
  const spn = servicePortName(sp);

  const { clusterEndpoints, localEndpoints, allReachable, hasAnyEndpoints } = categorizeEndpoints(sp, ctx.nodeName);
  for (const ep of allReachable) b.chain(`endpoint-${epName(ep)}`);
  const usesCluster = clusterEndpoints.length > 0 && usesClusterEndpoints(sp);
  if (usesCluster) b.chain(clusterChain);
  const usesLocal = localEndpoints.length > 0 && usesLocalEndpoints(sp);
  if (usesLocal) b.chain(localChain);

  const internalChain = sp.internalPolicyLocal ? localChain : clusterChain;
  const hasInternal = hasAnyEndpoints && !(sp.internalPolicyLocal && localEndpoints.length === 0);
  const externalPolicyChain = sp.externalPolicyLocal ? localChain : clusterChain;
  const hasExternal = hasAnyEndpoints && !(sp.externalPolicyLocal && localEndpoints.length === 0);
  const usesExt = hasAnyEndpoints && externallyAccessible(sp);
  if (usesExt) b.chain(extChain);

  const reject: NftVerdict = { kind: 'goto', chain: 'reject-chain' };
  const internalVerdict: NftVerdict = hasAnyEndpoints ? { kind: 'drop' } : reject;
  const externalVerdict: NftVerdict = hasAnyEndpoints ? { kind: 'drop' } : reject;
  const el = (set: string, key: string[], value?: NftVerdict, comment?: string) =>
    b.element(set, { key, ...(value ? { value } : {}), ...(comment ? { comment } : {}) });
  const ipKey = (ip: string, port: number) => [ip, proto, String(port)];

  el('cluster-ips', [sp.clusterIP]);
  if (hasInternal) el('service-ips', ipKey(sp.clusterIP, sp.port), { kind: 'goto', chain: internalChain });
  else el('no-endpoint-services', ipKey(sp.clusterIP, sp.port), internalVerdict, spn);
  for (const ip of sp.externalIPs) {
    if (hasAnyEndpoints) el('service-ips', ipKey(ip, sp.port), { kind: 'goto', chain: extChain });
    if (!hasExternal) el('no-endpoint-services', ipKey(ip, sp.port), externalVerdict, spn);
  }
  const sourceRanges = sp.loadBalancerSourceRanges.map((r) => r.trim()).filter((r) => parseCidr(r));
  const usesFw = sp.loadBalancerIPs.length > 0 && sourceRanges.length > 0;
  if (usesFw) b.chain(fwChain);
  for (const ip of sp.loadBalancerIPs) {
    if (hasAnyEndpoints) el('service-ips', ipKey(ip, sp.port), { kind: 'goto', chain: extChain });
    if (usesFw) el('firewall-ips', ipKey(ip, sp.port), { kind: 'goto', chain: fwChain });
  }
  if (!hasExternal) for (const ip of sp.loadBalancerIPs) el('no-endpoint-services', ipKey(ip, sp.port), externalVerdict, spn);
  if (sp.nodePort) {
    if (hasAnyEndpoints) el('service-nodeports', [proto, String(sp.nodePort)], { kind: 'goto', chain: extChain });
    if (!hasExternal) el('no-endpoint-nodeports', [proto, String(sp.nodePort)], externalVerdict, spn);
  }

  if (hasInternal) {
    // Off-cluster traffic to the ClusterIP is masqueraded (LocalTrafficDetector by CIDR).
    b.rule(internalChain, [
      { kind: 'addr', field: 'daddr', values: [sp.clusterIP] }, { kind: 'dport', proto, port: sp.port },
      { kind: 'addr', field: 'saddr', negate: true, values: [ctx.clusterCIDR] }, MASQ,
    ]);
  }
  if (usesExt) {
    if (!sp.externalPolicyLocal) {
      b.rule(extChain, [MASQ]);
    } else {
      b.rule(extChain, [{ kind: 'addr', field: 'saddr', values: [ctx.clusterCIDR] }, goto(clusterChain)], 'short-circuit pod traffic');
      b.rule(extChain, [{ kind: 'fib-local', field: 'saddr' }, MASQ], 'masquerade local traffic');
      b.rule(extChain, [{ kind: 'fib-local', field: 'saddr' }, goto(clusterChain)], 'short-circuit local traffic');
    }
    if (hasExternal) b.rule(extChain, [goto(externalPolicyChain)]);
  }
  if (usesFw) {
    const node = parseIPv4(ctx.nodeIP) ?? 0;
    const allowFromNode = sourceRanges.some((r) => cidrContains(parseCidr(r)!, node));
    const sources = [...sourceRanges.map((r) => parseCidr(r)!.text), ...(allowFromNode ? sp.loadBalancerIPs : [])];
    b.rule(fwChain, [{ kind: 'addr', field: 'saddr', negate: true, values: sources }, { kind: 'verdict', verdict: { kind: 'drop' } }]);
  }
  if (affinity) {
    for (const ep of allReachable) {
      b.set({ name: `affinity-${epName(ep)}`, kind: 'set', type: 'ipv4_addr', flags: ['dynamic', 'timeout'], timeout: sp.affinityTimeoutSeconds });
    }
  }
  const toEndpoints = (chain: string, eps: ProxyEndpoint[]) => {
    if (affinity) {
      for (const ep of eps) b.rule(chain, [{ kind: 'addr-in-set', field: 'saddr', set: `affinity-${epName(ep)}` }, goto(`endpoint-${epName(ep)}`)]);
    }
    b.rule(chain, [{ kind: 'numgen', targets: eps.map((ep) => `endpoint-${epName(ep)}`) }]);
  };
  if (usesCluster) toEndpoints(clusterChain, clusterEndpoints);
  if (usesLocal) toEndpoints(localChain, localEndpoints);
  for (const ep of allReachable) {
    const chain = `endpoint-${epName(ep)}`;
    b.rule(chain, [{ kind: 'addr', field: 'saddr', values: [ep.ip] }, MASQ]);
    if (affinity) b.rule(chain, [{ kind: 'update-saddr', set: `affinity-${epName(ep)}` }]);
    b.rule(chain, [{ kind: 'l4proto', proto }, { kind: 'dnat', to: `${ep.ip}:${ep.port}` }]);
  }
}
