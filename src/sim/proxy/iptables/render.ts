/**
 * One node's iptables ruleset (mangle, filter, nat) as kube-proxy in iptables mode
 * (v1.30+) leaves it on a kind node, plus the node's non-kube-proxy rules.
 * Mirrors k/k pkg/proxy/iptables/proxier.go syncProxyRules.
 * Departure: kube-proxy walks its service map in Go's random map order, so the order of
 * rules inside KUBE-SERVICES / KUBE-NODEPORTS / filter chains differs between real nodes;
 * we sort service ports by "ns/name:port" + protocol to stay deterministic.
 */
import { servicePortName, type ProxyServicePort } from '../service-port';
import { baseBuilders, type IptablesNodeContext } from './render-base';
import { renderServicePort } from './render-service';
import type { Match, Ruleset } from './rules';

export type { IptablesNodeContext } from './render-base';

/** Above this many endpoints kube-proxy drops per-endpoint comments (largeClusterEndpointsThreshold). */
export const LARGE_CLUSTER_ENDPOINTS = 1000;

function sortKey(sp: ProxyServicePort): string {
  return `${servicePortName(sp)}\u0000${sp.protocol}`;
}

/** Renders the ruleset kube-proxy (and kubelet, docker, kindnetd) program on one node. */
export function renderIptables(servicePorts: ProxyServicePort[], ctx: IptablesNodeContext): Ruleset {
  const b = baseBuilders(ctx);
  const ports = servicePorts.filter((sp) => sp.clusterIP).sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : 1));
  const totalEndpoints = ports.reduce((n, sp) => n + sp.endpoints.length, 0);
  const largeCluster = totalEndpoints > LARGE_CLUSTER_ENDPOINTS;
  for (const sp of ports) renderServicePort(b, sp, ctx, largeCluster);

  // "Finally, tail-call to the nodePorts chain." Must stay the last KUBE-SERVICES rule.
  const destinations: Match[] = [{ kind: 'addrtype', dstType: 'LOCAL' }];
  if (!(ctx.localhostNodePorts ?? true)) destinations.push({ kind: 'dst', cidr: '127.0.0.0/8', invert: true });
  b.nat.append(
    'KUBE-SERVICES',
    [{ kind: 'comment', text: 'kubernetes service nodeports; NOTE: this must be the last rule in this chain' }, ...destinations],
    { kind: 'jump', chain: 'KUBE-NODEPORTS' },
  );
  return { mangle: b.mangle.build(), filter: b.filter.build(), nat: b.nat.build() };
}
