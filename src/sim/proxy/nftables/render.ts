/**
 * kube-proxy's nftables table for one node, as its first full sync would leave it.
 * Mirrors k/k pkg/proxy/nftables/proxier.go (release-1.33) setupNFTables + syncProxyRules.
 * Departures: kube-proxy walks its service map in Go's random order and a long-running
 * kube-proxy appends chains as services appear, so the chain order on a real node
 * reflects its history; we create them as one sync over the service ports sorted by
 * "ns/name:port" + protocol, which keeps the output deterministic. The ip6 table that
 * a dual-stack-capable kube-proxy also creates is not modelled.
 */
import { servicePortName, type ProxyServicePort } from '../service-port';
import type { NftTable } from './model';
import { setupNftables, type NftNodeContext } from './render-base';
import { renderNftServicePort } from './render-service';

export type { NftNodeContext } from './render-base';

const sortKey = (sp: ProxyServicePort): string => `${servicePortName(sp)}\u0000${sp.protocol}`;

/** Renders the `ip kube-proxy` table kube-proxy (nftables mode) programs on one node. */
export function renderNftables(servicePorts: ProxyServicePort[], ctx: NftNodeContext): NftTable {
  const b = setupNftables(ctx);
  const ports = servicePorts.filter((sp) => sp.clusterIP).sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : 1));
  for (const sp of ports) renderNftServicePort(b, sp, ctx);
  return b.build('rules for kube-proxy');
}
