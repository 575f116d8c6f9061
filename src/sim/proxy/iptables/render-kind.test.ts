// Compared line by line with `iptables-save` taken on real kind nodes (Kubernetes v1.31, iptables
// 1.8.x nf_tables): a 3-replica nginx behind ClusterIP and then a MetalLB LoadBalancer. The
// chain names, probabilities and rule texts below are copied from that output.
import { describe, expect, it } from 'vitest';
import { ep, svcPort } from '../test-fixtures';
import { renderIptables } from './render';
import { formatRule } from './format-rule';
import type { Ruleset } from './rules';

const ctx = {
  nodeName: 'prgs-worker', nodeIP: '172.18.0.3', clusterCIDR: '10.244.0.0/16',
  dockerDns: { gatewayIP: '172.20.0.1', tcpPort: 37389, udpPort: 37347 },
};
const lines = (rs: Ruleset, table: 'nat' | 'filter', needle: string) =>
  rs[table].rules.map(formatRule).filter((l) => l.includes(needle));

describe('ClusterIP with three endpoints (kind, default/nginx)', () => {
  const rs = renderIptables([
    svcPort({ namespace: 'default', name: 'nginx', portName: '', port: 8080, clusterIP: '10.96.175.117',
      endpoints: [ep('10.244.0.20', 80), ep('10.244.0.21', 80), ep('10.244.0.22', 80)] }),
  ], ctx);
  it('jumps, masquerades off-cluster sources and spreads 1/3, 1/2, rest', () => {
    expect(lines(rs, 'nat', 'KUBE-SVC-2CMXP7HKUVJN7L6M')).toEqual([
      '-A KUBE-SERVICES -d 10.96.175.117/32 -p tcp -m comment --comment "default/nginx cluster IP" -m tcp --dport 8080 -j KUBE-SVC-2CMXP7HKUVJN7L6M',
      '-A KUBE-SVC-2CMXP7HKUVJN7L6M ! -s 10.244.0.0/16 -d 10.96.175.117/32 -p tcp -m comment --comment "default/nginx cluster IP" -m tcp --dport 8080 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-2CMXP7HKUVJN7L6M -m comment --comment "default/nginx -> 10.244.0.20:80" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-BRZDTZFF2SFWJV4H',
      '-A KUBE-SVC-2CMXP7HKUVJN7L6M -m comment --comment "default/nginx -> 10.244.0.21:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-OI2S57TQ5WH5FOMC',
      '-A KUBE-SVC-2CMXP7HKUVJN7L6M -m comment --comment "default/nginx -> 10.244.0.22:80" -j KUBE-SEP-473MVOWGJMIYYUKK',
    ]);
  });
});

describe('LoadBalancer with Cluster policy (kind + MetalLB, default/nginx)', () => {
  const rs = renderIptables([
    svcPort({ namespace: 'default', name: 'nginx', portName: '', port: 80, clusterIP: '10.109.124.25', nodePort: 30606,
      loadBalancerIPs: ['172.18.255.201'], endpoints: [ep('10.244.1.5', 80), ep('10.244.1.6', 80), ep('10.244.2.6', 80)] }),
  ], ctx);
  it('routes LB IP and node port through KUBE-EXT', () => {
    expect(lines(rs, 'nat', 'KUBE-EXT-2CMXP7HKUVJN7L6M')).toEqual([
      '-A KUBE-SERVICES -d 172.18.255.201/32 -p tcp -m comment --comment "default/nginx loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-2CMXP7HKUVJN7L6M',
      '-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "default/nginx" -m tcp --dport 30606 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-2CMXP7HKUVJN7L6M',
      '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/nginx" -m tcp --dport 30606 -j KUBE-EXT-2CMXP7HKUVJN7L6M',
      '-A KUBE-EXT-2CMXP7HKUVJN7L6M -m comment --comment "masquerade traffic for default/nginx external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-2CMXP7HKUVJN7L6M -j KUBE-SVC-2CMXP7HKUVJN7L6M',
    ]);
    expect(lines(rs, 'nat', '-A KUBE-SVC-2CMXP7HKUVJN7L6M').slice(1).map((l) => l.split(' -j ')[1])).toEqual([
      'KUBE-SEP-IZW656N5ZXYN5BEC', 'KUBE-SEP-C4VXQDW52UV45WW3', 'KUBE-SEP-UOZCNMEBPO5JGMU4',
    ]);
  });
});

describe('node base rules (kind worker)', () => {
  const rs = renderIptables([], ctx);
  it('docker DNS, kube-proxy and kindnetd hooks in the order a kind node shows them', () => {
    const hooks = rs.nat.rules.filter((r) => ['PREROUTING', 'OUTPUT', 'POSTROUTING'].includes(r.chain)).map(formatRule);
    expect(hooks).toEqual([
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A PREROUTING -d 172.20.0.1/32 -j DOCKER_OUTPUT',
      '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A OUTPUT -d 172.20.0.1/32 -j DOCKER_OUTPUT',
      '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
      '-A POSTROUTING -d 172.20.0.1/32 -j DOCKER_POSTROUTING',
      '-A POSTROUTING -m addrtype ! --dst-type LOCAL -m comment --comment "kind-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom KIND-MASQ-AGENT chain" -j KIND-MASQ-AGENT',
    ]);
    expect(lines(rs, 'nat', 'DOCKER_').filter((l) => !l.startsWith('-A P') && !l.startsWith('-A O'))).toEqual([
      '-A DOCKER_OUTPUT -d 172.20.0.1/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:37389',
      '-A DOCKER_OUTPUT -d 172.20.0.1/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:37347',
      '-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p tcp -m tcp --sport 37389 -j SNAT --to-source 172.20.0.1:53',
      '-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport 37347 -j SNAT --to-source 172.20.0.1:53',
    ]);
    expect(lines(rs, 'nat', '-A KIND-MASQ-AGENT')).toEqual([
      '-A KIND-MASQ-AGENT -d 10.244.0.0/16 -m comment --comment "kind-masq-agent: local traffic is not subject to MASQUERADE" -j RETURN',
      '-A KIND-MASQ-AGENT -m comment --comment "kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE',
    ]);
  });
});
