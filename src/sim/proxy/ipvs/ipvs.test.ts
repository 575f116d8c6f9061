// Model: k/k pkg/proxy/ipvs/proxier.go (syncProxyRules, syncEndpoint). Output format:
// ipvsadm.c print_title / print_service_entry and libipvs ipvs_cmp_services; expected
// text copied from real `ipvsadm -Ln` output on kubeadm clusters.
import { describe, expect, it } from 'vitest';
import { ep, svcPort } from '../test-fixtures';
import { compareServices, formatRealServer, glibcMergeSort, printIpvsadmLn } from './ipvsadm';
import { buildIpvs, kubeIpvs0Addresses, type IpvsVirtualServer } from './model';

const ctx = { nodeName: 'node1', nodeIPs: ['172.18.0.3'] };

describe('buildIpvs', () => {
  it('makes ClusterIP, LB and per-node-IP NodePort virtual servers, persistent with affinity', () => {
    const vss = buildIpvs([
      svcPort({ namespace: 'default', name: 'web', portName: '', clusterIP: '10.96.5.5', nodePort: 30080,
        loadBalancerIPs: ['172.18.255.200'], affinityTimeoutSeconds: 10800, endpoints: [ep('10.244.1.2', 80)] }),
    ], ctx);
    expect(vss.map((v) => `${v.kind} ${v.ip}:${v.port} ${v.persistentTimeout} ${v.realServers.length}`)).toEqual([
      'clusterIP 10.96.5.5:80 10800 1', 'loadBalancer 172.18.255.200:80 10800 1', 'nodePort 172.18.0.3:30080 10800 1',
    ]);
    expect(kubeIpvs0Addresses(vss)).toEqual(['10.96.5.5', '172.18.255.200']);
  });
  it('keeps only local endpoints for externalTrafficPolicy Local on external virtual servers', () => {
    const vss = buildIpvs([
      svcPort({ namespace: 'default', name: 'web', clusterIP: '10.96.5.5', nodePort: 30080, externalPolicyLocal: true,
        endpoints: [ep('10.244.1.2', 80, { nodeName: 'node1' }), ep('10.244.2.2', 80, { nodeName: 'node2' })] }),
    ], ctx);
    expect(vss.map((v) => v.realServers.map((r) => r.ip).join(','))).toEqual(['10.244.1.2,10.244.2.2', '10.244.1.2']);
  });
});

describe('printIpvsadmLn', () => {
  it('prints the kubeadm default services exactly like ipvsadm', () => {
    const vss = buildIpvs([
      svcPort({ namespace: 'default', name: 'kubernetes', portName: 'https', port: 443, clusterIP: '10.96.0.1', endpoints: [ep('10.0.0.100', 6443)] }),
      svcPort({ namespace: 'kube-system', name: 'kube-dns', portName: 'dns', protocol: 'UDP', port: 53, clusterIP: '10.96.0.10', endpoints: [ep('10.244.0.6', 53), ep('10.244.0.7', 53)] }),
      svcPort({ namespace: 'kube-system', name: 'kube-dns', portName: 'dns-tcp', port: 53, clusterIP: '10.96.0.10', endpoints: [ep('10.244.0.6', 53), ep('10.244.0.7', 53)] }),
      svcPort({ namespace: 'kube-system', name: 'kube-dns', portName: 'metrics', port: 9153, clusterIP: '10.96.0.10', endpoints: [ep('10.244.0.6', 9153), ep('10.244.0.7', 9153)] }),
    ], ctx);
    expect(printIpvsadmLn(vss)).toBe(`IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port Scheduler Flags
  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
TCP  10.96.0.1:443 rr
  -> 10.0.0.100:6443              Masq    1      0          0         
TCP  10.96.0.10:53 rr
  -> 10.244.0.6:53                Masq    1      0          0         
  -> 10.244.0.7:53                Masq    1      0          0         
TCP  10.96.0.10:9153 rr
  -> 10.244.0.6:9153              Masq    1      0          0         
  -> 10.244.0.7:9153              Masq    1      0          0         
UDP  10.96.0.10:53 rr
  -> 10.244.0.6:53                Masq    1      0          0         
  -> 10.244.0.7:53                Masq    1      0          0         
`);
  });
  it('prints persistence and connection counts', () => {
    expect(formatRealServer({ ip: '10.15.107.74', port: 19080, weight: 1, forward: 'Masq', activeConns: 4, inactConns: 12 }))
      .toBe('  -> 10.15.107.74:19080           Masq    1      4          12        ');
    const vs: IpvsVirtualServer = { protocol: 'TCP', ip: '10.15.62.208', port: 19080, scheduler: 'rr', persistentTimeout: 50, realServers: [], servicePort: 'x', kind: 'clusterIP' };
    expect(printIpvsadmLn([vs]).split('\n')[3]).toBe('TCP  10.15.62.208:19080 rr persistent 50');
  });
  it('sorts like libipvs: addresses 2^31 apart compare backwards (172.x before 10.x)', () => {
    const mk = (ip: string): IpvsVirtualServer => ({ protocol: 'TCP', ip, port: 30005, scheduler: 'rr', realServers: [], servicePort: 'x', kind: 'nodePort' });
    expect(compareServices(mk('172.17.0.1'), mk('10.96.0.1'))).toBeLessThan(0);
    expect(compareServices(mk('127.0.0.1'), mk('10.96.0.1'))).toBeGreaterThan(0);
    expect(glibcMergeSort([mk('10.96.0.1'), mk('172.17.0.1'), mk('10.96.0.10')], compareServices).map((v) => v.ip)).toEqual([
      '172.17.0.1', '10.96.0.1', '10.96.0.10',
    ]);
  });
});
