// The Node rules tab marks the hop's rules in the node's full listing. Listings as the tools
// print them: iptables-save (k/k pkg/proxy/iptables/proxier_test.go TestOverallIPTablesRules),
// nft list ruleset (k/k pkg/proxy/nftables/proxier_test.go; a map's elements one per line,
// "elements = { a : goto x," then "b : goto y }"), ipvsadm -Ln (ipvsadm.c print_service_entry).
import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, Hop } from '../../sim/view/snapshot';
import { hasNodeRules, hopNode, markRuleLines } from './rule-highlight';

const lines = (set: Set<number>) => [...set].sort((a, b) => a - b);

describe('markRuleLines', () => {
  it('iptables: the jumps on the path, the DNAT that decided; filter rules are not in the nat listing', () => {
    const text = [
      '*nat',
      ':KUBE-SERVICES - [0:0]',
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A KUBE-SERVICES -d 10.96.66.207/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G',
      '-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.2.3:9376" -j KUBE-SEP-OCXFOXVUYXEPTHHZ',
      '-A KUBE-SEP-OCXFOXVUYXEPTHHZ -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.2.3:9376',
      'COMMIT',
    ].join('\n');
    const marks = markRuleLines(text, {
      kind: 'iptables',
      lines: [
        '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
        '-A KUBE-SERVICES -d 10.96.66.207/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G',
        '-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.2.3:9376" -j KUBE-SEP-OCXFOXVUYXEPTHHZ',
        '-A KUBE-SEP-OCXFOXVUYXEPTHHZ -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.2.3:9376',
        '[filter] -A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
      ],
      matched: [3],
    });
    expect(lines(marks.path)).toEqual([2, 3, 4]);
    expect(lines(marks.decided)).toEqual([5]);
  });

  it('nftables: statements inside their chains and a map element line', () => {
    const text = [
      '\tmap service-ips {',
      '\t\telements = { 10.96.0.10 . udp . 53 : goto service-FY5PMXPG-kube-system/kube-dns/udp/dns,',
      '\t\t\t     10.96.66.207 . tcp . 80 : goto service-PFISGYVC-default/web/tcp/ }',
      '\t}',
      '\tchain endpoint-ZGHAPXSL-default/web/tcp/__10.244.1.3/9376 {',
      '\t\tip saddr 10.244.1.3 jump mark-for-masquerade',
      '\t\tmeta l4proto tcp dnat to 10.244.1.3:9376',
      '\t}',
    ].join('\n');
    const marks = markRuleLines(text, { kind: 'nftables', lines: ['10.96.66.207 . tcp . 80 : goto service-PFISGYVC-default/web/tcp/', 'meta l4proto tcp dnat to 10.244.1.3:9376'], matched: [1] });
    expect(lines(marks.path)).toEqual([2]);
    expect(lines(marks.decided)).toEqual([6]);
  });

  it('ipvs: the virtual server, and its real server by address whatever its counters say now', () => {
    const text = [
      'TCP  10.96.0.10:53 rr',
      '  -> 10.244.1.2:53                Masq    1      0          0         ',
      'TCP  10.96.66.207:80 rr',
      '  -> 10.244.1.2:9376              Masq    1      0          3         ',
      '  -> 10.244.2.3:9376              Masq    1      0          2         ',
    ].join('\n');
    const marks = markRuleLines(text, { kind: 'ipvs', lines: ['TCP  10.96.66.207:80 rr', '  -> 10.244.1.2:9376              Masq    1      1          0         '], matched: [1] });
    expect(lines(marks.path)).toEqual([2]);
    expect(lines(marks.decided)).toEqual([3]);
  });
});

describe('hopNode', () => {
  const snapshot = { nodes: [{ name: 'kind-worker' }, { name: 'kind-worker2' }], pods: [{ namespace: 'default', name: 'client', nodeName: 'kind-worker2' }] } as unknown as ClusterSnapshot;
  const hop = (from: string, to: string, kind: 'iptables' | 'socket' = 'iptables'): Hop => ({ index: 0, kind: 'dnat', from, to, actor: '', title: '', detail: '', why: '', decidedBy: { kind, lines: ['x'] } });

  it('kube-proxy and node hops name their node; a pod\'s DNS query meets its own node\'s rules', () => {
    expect(hopNode(hop('kube-proxy:kind-worker', 'pod:default/web-1'), snapshot)).toBe('kind-worker');
    expect(hopNode(hop('node:kind-worker2', 'node:kind-worker'), snapshot)).toBe('kind-worker2');
    expect(hopNode(hop('pod:default/client', 'coredns'), snapshot)).toBe('kind-worker2');
    expect(hopNode(hop('workstation', 'external:example.com'), snapshot)).toBeNull();
  });

  it('only iptables, IPVS and nftables hops have node rules to point at', () => {
    expect(hasNodeRules(hop('a', 'b'))).toBe(true);
    expect(hasNodeRules(hop('a', 'b', 'socket'))).toBe(false);
  });
});
