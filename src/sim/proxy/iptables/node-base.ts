/**
 * A kind node's iptables when kube-proxy is not in iptables mode: what kubelet, docker's
 * embedded DNS and kindnetd leave (KUBE-IPTABLES-HINT, KUBE-KUBELET-CANARY, KUBE-FIREWALL
 * with its INPUT/OUTPUT jumps, DOCKER_*, KIND-MASQ-AGENT), without kube-proxy's
 * iptables-mode chains. KUBE-FIREWALL is kubelet's in every mode (k/k
 * pkg/kubelet/kubelet_network_linux.go syncIPTablesRules); iptables-mode kube-proxy only
 * duplicates its rule, and its CleanupLeftovers leaves it alone (iptablesKubeletJumpChains
 * in pkg/proxy/iptables/proxier.go). In nftables mode that is
 * all `iptables-save` shows; ipvs and userspace modes add their own few chains to it.
 * (kube-proxy cleans up the other modes' rules at start: CleanupLeftovers in
 * k/k cmd/kube-proxy/app/server.go.)
 */
import { baseBuilders, type IptablesNodeContext } from './render-base';
import type { Ruleset, Table } from './rules';

/** The iptables-mode kube-proxy chains renderIptables' base creates. */
const KUBE_PROXY_CHAINS = new Set([
  'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-SERVICES', 'KUBE-FORWARD', 'KUBE-PROXY-FIREWALL',
  'KUBE-POSTROUTING', 'KUBE-MARK-MASQ', 'KUBE-PROXY-CANARY',
]);

function strip(t: Table): Table {
  return {
    ...t,
    chains: t.chains.filter((c) => !KUBE_PROXY_CHAINS.has(c)),
    rules: t.rules.filter((r) => !KUBE_PROXY_CHAINS.has(r.chain) && !(r.target && 'chain' in r.target && KUBE_PROXY_CHAINS.has(r.target.chain))),
  };
}

/** The node's rules without any kube-proxy (iptables-mode) chain. */
export function nonProxyIptables(ctx: IptablesNodeContext): Ruleset {
  const b = baseBuilders(ctx);
  return { mangle: strip(b.mangle.build()), filter: strip(b.filter.build()), nat: strip(b.nat.build()) };
}
