// The line of a hop's rules that decided it. Rule texts as the tools print them:
// iptables-save lines from k/k pkg/proxy/iptables/proxier_test.go (TestOverallIPTablesRules),
// nft lines from k/k pkg/proxy/nftables/proxier_test.go (TestOverallNFTablesRules),
// ipvsadm -Ln rows from ipvsadm.c (print_service_entry: "  -> RemoteAddress:Port Forward ...").
import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML } from '../scenario/default-scenario';
import { apply, newSim, pod } from '../test-helpers';
import { createDataPlane } from './data-plane';
import { decisiveLines } from './decisive-lines';
import { performRequest } from './request';

describe('decisiveLines', () => {
  it('iptables: the DNAT rule, not the jumps that led to it', () => {
    const lines = [
      '-A KUBE-SERVICES -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -j KUBE-SEP-SXIVWICOYRO3J4NJ',
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -p tcp -m comment --comment ns1/svc1:p80 -m tcp -j DNAT --to-destination 10.180.0.1:80',
      '[filter] -A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
    ];
    expect(decisiveLines('iptables', lines)).toEqual([2]);
  });

  it('iptables: a REJECT, a MASQUERADE; a chain name holding DNAT is no target', () => {
    expect(decisiveLines('iptables', ['-A KUBE-SERVICES -d 172.30.0.44/32 -p tcp -m comment --comment "ns4/svc4:p80 has no endpoints" -m tcp --dport 80 -j REJECT'])).toEqual([0]);
    expect(decisiveLines('iptables', ['-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN', '-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000', '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully'])).toEqual([2]);
    expect(decisiveLines('iptables', ['-A PREROUTING -j DNAT-ME', '-A DNAT-ME -j ACCEPT'])).toEqual([1]);
  });

  it('nftables: the dnat statement', () => {
    const lines = ['jump services', 'ip daddr . meta l4proto . th dport vmap @service-ips', 'numgen random mod 2 vmap { 0 : goto endpoint-A, 1 : goto endpoint-B }', 'meta l4proto tcp dnat to 10.180.0.1:80', 'ct state new jump cluster-ips-check'];
    expect(decisiveLines('nftables', lines)).toEqual([3]);
  });

  it('ipvs: the real server the scheduler picked', () => {
    expect(decisiveLines('ipvs', ['TCP  10.96.66.207:80 rr', '  -> 10.244.1.2:9376              Masq    1      1          0         '])).toEqual([1]);
  });

  it('records, sockets and conntrack decide together; an unanswered ARP is the route that failed', () => {
    expect(decisiveLines('dns-record', ['a. 30 IN A 10.244.1.2', 'a. 30 IN A 10.244.2.2'])).toEqual([0, 1]);
    expect(decisiveLines('route', ['172.18.0.0/16 dev eth0 proto kernel scope link', '172.18.0.9 dev eth0 INCOMPLETE'])).toEqual([1]);
    expect(decisiveLines('socket', [])).toEqual([]);
  });
});

describe('a trace says which rule decided each hop', () => {
  it.each(['iptables', 'ipvs', 'nftables', 'userspace'] as const)('%s: the DNAT hop marks its DNAT', (mode) => {
    const sim = newSim(3, { ...defaultClusterConfig(), proxyMode: mode });
    apply(sim, DEFAULT_SCENARIO_YAML);
    const r = performRequest(sim, createDataPlane(sim.cluster), { kind: 'pod', pod: pod(sim, 'client') }, 'http://web/');
    for (const h of r.hops) if (h.decidedBy) expect(h.decidedBy.matched, `${h.kind} ${mode}`).toBeDefined();
    const dnat = r.hops.find((h) => h.kind === 'dnat')!.decidedBy!;
    const marked = dnat.matched!.map((i) => dnat.lines[i]!);
    expect(marked.length).toBeGreaterThan(0);
    const pattern = { iptables: / -j DNAT --to-destination 10\.244\./, ipvs: /^ {2}-> 10\.244\./, nftables: /dnat to 10\.244\./, userspace: /-j REDIRECT --to-ports \d+|^# kube-proxy / }[mode];
    for (const line of marked) expect(line).toMatch(pattern);
  });
});
