/**
 * The historic userspace proxy's iptables portals (k/k pkg/proxy/userspace/proxier.go,
 * release-1.25, iptablesContainerPortalArgs / iptablesHostPortalArgs /
 * iptablesContainerNodePortArgs / iptablesHostNodePortArgs): kube-proxy listens on a
 * port of its own per service port, and the nat table sends ClusterIP:port (and
 * NodePorts) there: REDIRECT for traffic from pods (PREROUTING), DNAT to the node's
 * address for traffic made on the node (OUTPUT).
 * Departure: the kernel picks each proxy port at random (bind to :0); we derive it from
 * a hash of node and service port, so it is stable and deterministic.
 */
import { sha256, utf8Bytes } from '../hash';
import type { IptablesNodeContext } from '../iptables/render-base';
import { nonProxyIptables } from '../iptables/node-base';
import { TableBuilder, type L4, type Match, type Ruleset, type Table } from '../iptables/rules';
import { servicePortName, type ProxyServicePort } from '../service-port';

export interface UserspacePortal {
  sp: ProxyServicePort;
  /** The node port kube-proxy's socket for this service port listens on. */
  proxyPort: number;
}

export interface UserspaceRender {
  ruleset: Ruleset;
  /** "PROTO|proxyPort" -> the service port it proxies. */
  portals: Map<string, UserspacePortal>;
}

const EPHEMERAL_LOW = 32768, EPHEMERAL_SPAN = 60999 - 32768 + 1;

export function proxyPortFor(nodeName: string, sp: ProxyServicePort): number {
  const h = sha256(utf8Bytes(`${nodeName}|${servicePortName(sp)}|${sp.protocol}`));
  return EPHEMERAL_LOW + (((h[0]! << 16) | (h[1]! << 8) | h[2]!) % EPHEMERAL_SPAN);
}

/** Portal jumps were EnsureRule(Prepend)ed, NodePort jumps Appended ("must be the last rule"). */
function withJumps(nat: Table, extra: TableBuilder): Table {
  const mine = extra.build();
  const isJump = (r: Table['rules'][number]) => r.chain === 'PREROUTING' || r.chain === 'OUTPUT';
  const portal = mine.rules.filter((r) => isJump(r) && r.target?.kind === 'jump' && r.target.chain.startsWith('KUBE-PORTALS'));
  const nodePort = mine.rules.filter((r) => isJump(r) && !portal.includes(r));
  return { ...nat, chains: [...nat.chains, ...mine.chains], rules: [...portal, ...nat.rules, ...nodePort, ...mine.rules.filter((r) => !isJump(r))] };
}

/** The node's iptables in userspace mode, and the proxy port of each service port. */
export function renderUserspace(servicePorts: ProxyServicePort[], ctx: IptablesNodeContext): UserspaceRender {
  const base = nonProxyIptables(ctx);
  const nat = new TableBuilder('nat');
  const portals = new Map<string, UserspacePortal>();
  for (const [hook, chain, text] of [
    ['PREROUTING', 'KUBE-PORTALS-CONTAINER', 'handle ClusterIPs; NOTE: this must be before the NodePort rules'],
    ['OUTPUT', 'KUBE-PORTALS-HOST', 'handle ClusterIPs; NOTE: this must be before the NodePort rules'],
    ['PREROUTING', 'KUBE-NODEPORT-CONTAINER', 'handle service NodePorts; NOTE: this must be the last rule in the chain'],
    ['OUTPUT', 'KUBE-NODEPORT-HOST', 'handle service NodePorts; NOTE: this must be the last rule in the chain'],
  ] as const) {
    const local: Match[] = chain.startsWith('KUBE-NODEPORT') ? [{ kind: 'addrtype', dstType: 'LOCAL' }] : [];
    nat.chain(chain).append(hook, [...local, { kind: 'comment', text }], { kind: 'jump', chain });
  }
  for (const sp of servicePorts) {
    if (!sp.clusterIP) continue;
    const proxyPort = proxyPortFor(ctx.nodeName, sp);
    portals.set(`${sp.protocol}|${proxyPort}`, { sp, proxyPort });
    const proto = sp.protocol.toLowerCase() as L4;
    const comment: Match = { kind: 'comment', text: servicePortName(sp) };
    const portal = (chain: string, dst: string | undefined, port: number, host: boolean) => nat.append(chain,
      [...(dst ? [{ kind: 'dst', cidr: `${dst}/32` } as Match] : []), { kind: 'proto', proto }, comment, { kind: 'l4', proto, dport: port }],
      host ? { kind: 'DNAT', to: `${ctx.nodeIP}:${proxyPort}` } : { kind: 'REDIRECT', toPorts: proxyPort });
    for (const ip of [sp.clusterIP, ...sp.externalIPs, ...sp.loadBalancerIPs]) {
      portal('KUBE-PORTALS-CONTAINER', ip, sp.port, false);
      portal('KUBE-PORTALS-HOST', ip, sp.port, true);
    }
    if (sp.nodePort) {
      portal('KUBE-NODEPORT-CONTAINER', undefined, sp.nodePort, false);
      portal('KUBE-NODEPORT-HOST', undefined, sp.nodePort, true);
    }
  }
  return { ruleset: { ...base, nat: withJumps(base.nat, nat) }, portals };
}
