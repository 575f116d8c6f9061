// Traffic-policy and size cases from k/k pkg/proxy/iptables/proxier_test.go
// (TestInternalTrafficPolicy, TestNoEndpointsReject, TestOnlyLocalExternalIPs-style cases,
// the largeClusterMode comment dropping of syncProxyRules).
import { describe, expect, it } from 'vitest';
import { ep, svcPort } from '../test-fixtures';
import { renderIptables } from './render';
import { endpointChainFor } from '../chain-names';
import { formatRule } from './format-rule';
import type { Ruleset } from './rules';

const ctx = { nodeName: 'node1', nodeIP: '172.18.0.2', clusterCIDR: '10.244.0.0/16' };
const chainLines = (rs: Ruleset, table: 'nat' | 'filter', chain: string) =>
  rs[table].rules.filter((r) => r.chain === chain).map(formatRule);

describe('internalTrafficPolicy: Local', () => {
  it('sends the clusterIP to KUBE-SVL with only the local endpoint', () => {
    const rs = renderIptables([svcPort({ namespace: 'ns1', name: 'svc1', clusterIP: '172.30.1.1', internalPolicyLocal: true,
      endpoints: [ep('10.0.1.1', 80, { nodeName: 'node1' }), ep('10.0.1.2', 80, { nodeName: 'node2' })] })], ctx);
    expect(chainLines(rs, 'nat', 'KUBE-SERVICES')[0]).toMatch(/-j KUBE-SVL-XPGD46QRK7WJZT7O$/);
    expect(chainLines(rs, 'nat', 'KUBE-SVL-XPGD46QRK7WJZT7O')).toEqual([
      '-A KUBE-SVL-XPGD46QRK7WJZT7O ! -s 10.244.0.0/16 -d 172.30.1.1/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
      '-A KUBE-SVL-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.0.1.1:80" -j ' + endpointChainFor({ namespace: 'ns1', name: 'svc1', portName: 'p80', protocol: 'TCP' }, { ip: '10.0.1.1', port: 80 }),
    ]);
  });
  it('DROPs in filter when this node has none (but others do)', () => {
    const rs = renderIptables([svcPort({ namespace: 'ns1', name: 'svc1', clusterIP: '172.30.1.1', internalPolicyLocal: true,
      endpoints: [ep('10.0.1.2', 80, { nodeName: 'node2' })] })], ctx);
    expect(chainLines(rs, 'filter', 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -d 172.30.1.1/32 -p tcp -m comment --comment "ns1/svc1:p80 has no local endpoints" -m tcp --dport 80 -j DROP',
    ]);
    expect(rs.nat.chains.some((c) => c.startsWith('KUBE-SVL') || c.startsWith('KUBE-SEP'))).toBe(false);
  });
});

describe('no endpoints (TestNoEndpointsReject)', () => {
  it('REJECTs the clusterIP, external IP, LB IP and node port and creates no nat chains', () => {
    const rs = renderIptables([svcPort({ namespace: 'ns1', name: 'svc1', clusterIP: '172.30.0.41', nodePort: 3001,
      externalIPs: ['192.168.99.11'], loadBalancerIPs: ['1.2.3.4'] })], ctx);
    expect([...chainLines(rs, 'filter', 'KUBE-SERVICES'), ...chainLines(rs, 'filter', 'KUBE-EXTERNAL-SERVICES')]).toEqual([
      '-A KUBE-SERVICES -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-EXTERNAL-SERVICES -d 192.168.99.11/32 -p tcp -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-EXTERNAL-SERVICES -d 1.2.3.4/32 -p tcp -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "ns1/svc1:p80 has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 3001 -j REJECT --reject-with icmp-port-unreachable',
    ]);
    expect(rs.nat.chains.filter((c) => /^KUBE-(SVC|SVL|EXT|FW|SEP)-/.test(c))).toEqual([]);
  });
  it('does not count unready endpoints', () => {
    const rs = renderIptables([svcPort({ namespace: 'ns1', name: 'svc1', clusterIP: '172.30.0.41',
      endpoints: [ep('10.0.1.1', 80, { ready: false, serving: false })] })], ctx);
    expect(chainLines(rs, 'filter', 'KUBE-SERVICES')[0]).toContain('has no endpoints');
  });
});

describe('headless and large clusters', () => {
  it('skips ports without a clusterIP', () => {
    const rs = renderIptables([svcPort({ namespace: 'ns1', name: 'headless', endpoints: [ep('10.0.1.1', 80)] })], ctx);
    expect(chainLines(rs, 'nat', 'KUBE-SERVICES')).toHaveLength(1);
  });
  it('drops per-endpoint comments above 1000 endpoints (largeClusterMode)', () => {
    const eps = Array.from({ length: 1001 }, (_, i) => ep(`10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`, 80));
    const rs = renderIptables([svcPort({ namespace: 'ns1', name: 'big', clusterIP: '172.30.0.9', endpoints: eps })], ctx);
    const svc = rs.nat.rules.filter((r) => r.chain.startsWith('KUBE-SVC-')).map(formatRule);
    expect(svc[1]).toMatch(/^-A KUBE-SVC-\S+ -m statistic --mode random --probability 0\.00099900085 -j KUBE-SEP-/);
    const sep = rs.nat.rules.find((r) => r.chain.startsWith('KUBE-SEP-'))!;
    expect(formatRule(sep)).toMatch(/^-A KUBE-SEP-\S+ -s 10\.1\.\d+\.\d+\/32 -j KUBE-MARK-MASQ$/);
  });
});
