import { describe, expect, it } from 'vitest';
import {
  endpointChainFor,
  nftEndpointChainBase,
  nftHashAndTruncate,
  nftServicePortChainBase,
  portProtoHash,
  servicePortChains,
  servicePortEndpointChainName,
} from './chain-names';
import type { Protocol } from '../model/types';

const sp = (namespace: string, name: string, portName: string, protocol: Protocol = 'TCP') => ({
  namespace,
  name,
  portName,
  protocol,
});

// Expected values: k/k pkg/proxy/iptables/proxier_test.go, TestOverallIPTablesRules.
describe('iptables service chains (proxier_test.go TestOverallIPTablesRules)', () => {
  const cases: [string, string][] = [
    ['ns1/svc1', 'XPGD46QRK7WJZT7O'],
    ['ns2/svc2', 'GNZBNJ2PO5MGZ6GT'],
    ['ns3/svc3', 'X27LE4BHSL4DOUIK'],
    ['ns4/svc4', '4SW47YFZTEDKD3PK'],
    ['ns5/svc5', 'NUKIZ6OKUXPJNT4C'],
  ];
  for (const [nsName, hash] of cases) {
    it(`${nsName}:p80 tcp hashes to ${hash}`, () => {
      const [ns, name] = nsName.split('/') as [string, string];
      expect(servicePortChains(sp(ns, name, 'p80'))).toEqual({
        cluster: `KUBE-SVC-${hash}`,
        local: `KUBE-SVL-${hash}`,
        external: `KUBE-EXT-${hash}`,
        firewall: `KUBE-FW-${hash}`,
      });
    });
  }
  it('portProtoHash takes the lower-case protocol', () => {
    expect(portProtoHash('ns1/svc1:p80', 'tcp')).toBe('XPGD46QRK7WJZT7O');
  });
});

describe('endpoint chains (proxier_test.go TestOverallIPTablesRules)', () => {
  const cases: [string, string, number, string][] = [
    ['ns1/svc1', '10.180.0.1', 80, 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    ['ns2/svc2', '10.180.0.2', 80, 'KUBE-SEP-RS4RBKLTHTF2IUXJ'],
    ['ns3/svc3', '10.180.0.3', 80, 'KUBE-SEP-OYPFS5VJICHGATKP'],
    ['ns4/svc4', '10.180.0.4', 80, 'KUBE-SEP-UKSFD7AGPMPPLUHC'],
    ['ns4/svc4', '10.180.0.5', 80, 'KUBE-SEP-C6EBXVWJJZMIWKLZ'],
    ['ns5/svc5', '10.180.0.3', 80, 'KUBE-SEP-I77PXRDZVX7PMWMN'],
  ];
  for (const [nsName, ip, port, chain] of cases) {
    it(`${nsName}:p80 -> ${ip}:${port} is ${chain}`, () => {
      const [ns, name] = nsName.split('/') as [string, string];
      expect(endpointChainFor(sp(ns, name, 'p80'), { ip, port })).toBe(chain);
    });
  }
  it('takes the string form directly', () => {
    expect(servicePortEndpointChainName('ns1/svc1:p80', 'tcp', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
  });
});

// Chains seen in real `iptables-save` output on kubeadm/kind clusters (every cluster has them).
describe('well-known cluster chains (real iptables-save output)', () => {
  it('default/kubernetes:https', () => {
    expect(servicePortChains(sp('default', 'kubernetes', 'https')).cluster).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
  });
  it('kube-system/kube-dns ports', () => {
    expect(servicePortChains(sp('kube-system', 'kube-dns', 'dns', 'UDP')).cluster).toBe('KUBE-SVC-TCOU7JCQXEZGVUNU');
    expect(servicePortChains(sp('kube-system', 'kube-dns', 'dns-tcp')).cluster).toBe('KUBE-SVC-ERIFXISQEP7F7OF4');
    expect(servicePortChains(sp('kube-system', 'kube-dns', 'metrics')).cluster).toBe('KUBE-SVC-JD5MR3NA4I4DYORP');
  });
  it('kube-dns:dns endpoint 10.244.0.3:53/udp', () => {
    expect(endpointChainFor(sp('kube-system', 'kube-dns', 'dns', 'UDP'), { ip: '10.244.0.3', port: 53 })).toBe(
      'KUBE-SEP-6E7XQMQ4RAYOWTTM',
    );
  });
});

// Expected values: k/k pkg/proxy/nftables/proxier.go doc comments and proxier_test.go.
describe('nftables chain name bases', () => {
  it('ns1/svc1/tcp/p80 -> ULMVA6XW', () => {
    expect(nftServicePortChainBase(sp('ns1', 'svc1', 'p80'))).toBe('ULMVA6XW-ns1/svc1/tcp/p80');
  });
  it('ns1/svc1/tcp/p80__10.180.0.1/80 -> 5OJB2KTY', () => {
    expect(nftEndpointChainBase(sp('ns1', 'svc1', 'p80'), { ip: '10.180.0.1', port: 80 })).toBe(
      '5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80',
    );
  });
  it('truncates past 240 characters with "..."', () => {
    const out = nftHashAndTruncate('x'.repeat(300));
    expect(out).toHaveLength(240);
    expect(out.endsWith('...')).toBe(true);
  });
});
