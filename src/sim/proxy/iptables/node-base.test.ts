// kubelet's own iptables, the same in every kube-proxy mode. Upstream:
// - k/k pkg/kubelet/kubelet_network_linux.go (v1.33): initNetworkUtil monitors the
//   KUBE-KUBELET-CANARY chain in mangle, nat and filter; syncIPTablesRules creates
//   KUBE-IPTABLES-HINT (mangle) and, for IPv4, KUBE-FIREWALL with EnsureRule(Prepend) jumps
//   from OUTPUT and INPUT and the appended "block incoming localnet connections" DROP rule.
// - k/k pkg/proxy/iptables/proxier.go: kube-proxy prepends its jumps (iptablesJumpChains) after
//   kubelet has started, so they sit above kubelet's; iptablesKubeletJumpChains are "created on
//   startup but not deleted in CleanupLeftovers", so other modes keep them; kube-proxy's own
//   KUBE-PROXY-CANARY (ipt.Monitor in NewProxier) exists in iptables mode only.
// - k/k pkg/proxy/ipvs/proxier.go: iptablesJumpChain (prepended too), no canary Monitor.
import { describe, expect, it } from 'vitest';
import { renderIpvsIptables } from '../ipvs/iptables';
import { renderUserspace } from '../userspace/portals';
import { ep, svcPort } from '../test-fixtures';
import { nonProxyIptables } from './node-base';
import { renderIptables } from './render';
import type { Ruleset } from './rules';
import { printIptablesSave } from './save';

const DATE = 'Thu Jan  1 00:00:00 2026';
const ctx = { nodeName: 'kind-worker', nodeIP: '172.18.0.3', clusterCIDR: '10.244.0.0/16' };
const ports = [svcPort({ namespace: 'default', name: 'web', clusterIP: '10.96.5.5', endpoints: [ep('10.244.1.2', 80, { nodeName: 'kind-worker' })] })];

const FIREWALL_RULE = '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP';
const modes: [string, Ruleset][] = [
  ['iptables', renderIptables(ports, ctx)],
  ['ipvs', renderIpvsIptables(ports, ctx)],
  ['nftables', nonProxyIptables(ctx)],
  ['userspace', renderUserspace(ports, ctx).ruleset],
];
const lines = (rs: Ruleset, table: 'mangle' | 'filter' | 'nat') => printIptablesSave(rs, { table, date: DATE }).split('\n');
const chainRules = (rs: Ruleset, chain: string) => lines(rs, 'filter').filter((l) => l.startsWith(`-A ${chain} `));

describe.each(modes)('kubelet rules in %s mode', (_mode, rs) => {
  it('declares KUBE-FIREWALL with its one localnet DROP rule', () => {
    expect(lines(rs, 'filter')).toContain(':KUBE-FIREWALL - [0:0]');
    expect(chainRules(rs, 'KUBE-FIREWALL')).toEqual([FIREWALL_RULE]);
  });
  it('jumps to KUBE-FIREWALL last from INPUT and OUTPUT, below any kube-proxy jump', () => {
    for (const hook of ['INPUT', 'OUTPUT']) expect(chainRules(rs, hook).at(-1)).toBe(`-A ${hook} -j KUBE-FIREWALL`);
    expect(chainRules(rs, 'FORWARD')).not.toContain('-A FORWARD -j KUBE-FIREWALL');
  });
  it('has KUBE-KUBELET-CANARY in mangle, nat and filter, and KUBE-IPTABLES-HINT in mangle', () => {
    for (const t of ['mangle', 'filter', 'nat'] as const) expect(lines(rs, t)).toContain(':KUBE-KUBELET-CANARY - [0:0]');
    expect(lines(rs, 'mangle')).toContain(':KUBE-IPTABLES-HINT - [0:0]');
  });
});

describe('kube-proxy jumps above kubelet\'s', () => {
  it('ipvs mode: filter INPUT and OUTPUT in order', () => {
    const rs = renderIpvsIptables(ports, ctx);
    expect(chainRules(rs, 'INPUT')).toEqual([
      '-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER',
      '-A INPUT -m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL',
      '-A INPUT -m comment --comment "kubernetes health check rules" -j KUBE-NODE-PORT',
      '-A INPUT -j KUBE-FIREWALL',
    ]);
    expect(chainRules(rs, 'OUTPUT')).toEqual([
      '-A OUTPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-OUT-FILTER',
      '-A OUTPUT -j KUBE-FIREWALL',
    ]);
  });
  it('nftables mode: kubelet\'s jumps are the only filter rules besides KUBE-FIREWALL\'s', () => {
    const rs = nonProxyIptables(ctx);
    expect(lines(rs, 'filter').filter((l) => l.startsWith('-A '))).toEqual(['-A INPUT -j KUBE-FIREWALL', '-A OUTPUT -j KUBE-FIREWALL', FIREWALL_RULE]);
  });
  it('KUBE-PROXY-CANARY exists in iptables mode only', () => {
    for (const [mode, rs] of modes) {
      for (const t of ['mangle', 'filter', 'nat'] as const) {
        expect(lines(rs, t).includes(':KUBE-PROXY-CANARY - [0:0]'), `${mode} ${t}`).toBe(mode === 'iptables');
      }
    }
  });
  it('kubelet\'s rule stays when kube-proxy does not duplicate it (localhostNodePorts off)', () => {
    expect(chainRules(renderIptables(ports, { ...ctx, localhostNodePorts: false }), 'KUBE-FIREWALL')).toEqual([FIREWALL_RULE]);
  });
});
