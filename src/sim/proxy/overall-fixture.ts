/**
 * The services and endpoints that k/k pkg/proxy/iptables/proxier_test.go TestOverallIPTablesRules
 * and pkg/proxy/nftables/proxier_test.go TestOverallNFTablesRules both use (shared by the
 * renderer and walker tests of both modes; no runtime use).
 */
import { ep, svcPort } from './test-fixtures';

const NODE = 'test-node';
export function overallServicePorts() {
  return [
    svcPort({ namespace: 'ns1', name: 'svc1', clusterIP: '172.30.0.41', endpoints: [ep('10.180.0.1', 80)] }),
    svcPort({
      namespace: 'ns2', name: 'svc2', clusterIP: '172.30.0.42', nodePort: 3001, externalPolicyLocal: true,
      loadBalancerIPs: ['1.2.3.4'], externalIPs: ['192.168.99.22'], healthCheckNodePort: 30000, endpoints: [ep('10.180.0.2', 80)],
    }),
    svcPort({ namespace: 'ns3', name: 'svc3', clusterIP: '172.30.0.43', nodePort: 3003, endpoints: [ep('10.180.0.3', 80)] }),
    svcPort({
      namespace: 'ns4', name: 'svc4', clusterIP: '172.30.0.44', externalIPs: ['192.168.99.33'],
      endpoints: [ep('10.180.0.4', 80), ep('10.180.0.5', 80, { nodeName: NODE })],
    }),
    svcPort({
      namespace: 'ns5', name: 'svc5', clusterIP: '172.30.0.45', nodePort: 3002, loadBalancerIPs: ['5.6.7.8'],
      loadBalancerSourceRanges: [' 203.0.113.0/25'], affinityTimeoutSeconds: 10800, endpoints: [ep('10.180.0.3', 80)],
    }),
    svcPort({ namespace: 'ns6', name: 'svc6', clusterIP: '172.30.0.46' }),
  ];
}
export const overallCtx = { nodeName: NODE, nodeIP: '192.168.0.2', clusterCIDR: '10.0.0.0/8', serviceCIDRs: ['172.30.0.0/16'] };

