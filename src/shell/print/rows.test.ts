import { describe, expect, it } from 'vitest';
import type { Endpoints, EndpointSlice, Service } from '../../sim/model/types';
import { capList, endpointsCell, rowFor, serviceExternalIP, servicePorts } from './rows';

// Expected cells follow k/k pkg/printers/internalversion/printers.go.
const meta = (name: string) => ({ name, namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: 0 });

function svc(spec: Partial<Service['spec']>, ingress: { ip?: string; hostname?: string }[] = []): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('s'),
    spec: { type: 'ClusterIP', ports: [], sessionAffinity: 'None', ...spec },
    status: { loadBalancer: { ingress } },
  };
}

describe('Service cells', () => {
  it('PORT(S): port/PROTO, port:nodePort/PROTO, joined with commas, <none> when empty', () => {
    expect(servicePorts(svc({ ports: [{ port: 80, protocol: 'TCP', targetPort: 9376 }] }))).toBe('80/TCP');
    expect(
      servicePorts(svc({ type: 'NodePort', ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }, { port: 53, protocol: 'UDP', targetPort: 53, nodePort: 30053 }] })),
    ).toBe('80:30080/TCP,53:30053/UDP');
    expect(servicePorts(svc({ clusterIP: 'None' }))).toBe('<none>');
  });

  it('EXTERNAL-IP: <none>, externalIPs, <pending> for a LoadBalancer without ingress, externalName', () => {
    expect(serviceExternalIP(svc({}), false)).toBe('<none>');
    expect(serviceExternalIP(svc({ externalIPs: ['1.2.3.4', '5.6.7.8'] }), false)).toBe('1.2.3.4,5.6.7.8');
    expect(serviceExternalIP(svc({ type: 'LoadBalancer' }), false)).toBe('<pending>');
    expect(serviceExternalIP(svc({ type: 'LoadBalancer' }, [{ ip: '172.18.255.200' }]), false)).toBe('172.18.255.200');
    expect(serviceExternalIP(svc({ type: 'ExternalName', externalName: 'db.example.com' }), false)).toBe('db.example.com');
  });

  it('EXTERNAL-IP of a LoadBalancer is cut to 16 characters with ... unless -o wide', () => {
    const lb = svc({ type: 'LoadBalancer' }, [{ ip: '172.18.255.200' }, { ip: '172.18.255.201' }]);
    expect(serviceExternalIP(lb, false)).toBe('172.18.255.20...');
    expect(serviceExternalIP(lb, true)).toBe('172.18.255.200,172.18.255.201');
  });

  it('wide adds SELECTOR, <none> without one', () => {
    const row = rowFor(svc({ clusterIP: '10.96.0.5', selector: { tier: 'x', app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }), 30, true);
    expect(row).toEqual(['s', 'ClusterIP', '10.96.0.5', '<none>', '80/TCP', '30s', 'app=web,tier=x']);
    expect(rowFor(svc({ clusterIP: '10.96.0.6' }), 0, true).at(-1)).toBe('<none>');
  });
});

describe('Endpoints cell (formatEndpoints)', () => {
  const ep = (subsets: Endpoints['subsets']): Endpoints => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta('e'), ...(subsets ? { subsets } : {}) });
  const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }));

  it('is <none> without subsets', () => {
    expect(endpointsCell(ep(undefined))).toBe('<none>');
    expect(endpointsCell(ep([]))).toBe('<none>');
  });

  it('is empty when a subset holds only not-ready addresses', () => {
    expect(endpointsCell(ep([{ notReadyAddresses: addrs('10.244.1.2'), ports: [{ port: 80, protocol: 'TCP' }] }]))).toBe('');
  });

  it('lists ready ip:port, at most 3, then " + N more..."', () => {
    const ports = [{ port: 9376, protocol: 'TCP' as const }];
    expect(endpointsCell(ep([{ addresses: addrs('10.0.0.1', '10.0.0.2'), ports }]))).toBe('10.0.0.1:9376,10.0.0.2:9376');
    expect(endpointsCell(ep([{ addresses: addrs('10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'), ports }]))).toBe(
      '10.0.0.1:9376,10.0.0.2:9376,10.0.0.3:9376 + 2 more...',
    );
  });

  it('prints bare IPs for a subset without ports (headless, no ports)', () => {
    expect(endpointsCell(ep([{ addresses: addrs('10.0.0.1') }]))).toBe('10.0.0.1');
  });
});

describe('EndpointSlice row', () => {
  const slice = (endpoints: string[][], ports: number[] | null): EndpointSlice => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta('web-abcde'),
    addressType: 'IPv4',
    endpoints: endpoints.map((addresses) => ({ addresses, conditions: { ready: false, serving: false, terminating: false } })),
    ports: ports ? ports.map((port) => ({ name: '', port, protocol: 'TCP' as const })) : null,
  });

  it('shows bare ports and every address whatever its readiness', () => {
    expect(rowFor(slice([['10.0.0.1'], ['10.0.0.2']], [9376]), 61, false)).toEqual(['web-abcde', 'IPv4', '9376', '10.0.0.1,10.0.0.2', '61s']);
  });

  it('shows <unset> for an empty placeholder slice', () => {
    expect(rowFor(slice([], null), 0, false)).toEqual(['web-abcde', 'IPv4', '<unset>', '<unset>', '0s']);
  });

  it('cuts both lists after 3', () => {
    const row = rowFor(slice([['a'], ['b'], ['c'], ['d']], [1, 2, 3, 4, 5]), 0, false);
    expect(row[2]).toBe('1,2,3 + 2 more...');
    expect(row[3]).toBe('a,b,c + 1 more...');
  });
});

describe('capList', () => {
  it('keeps three and counts the rest', () => {
    expect(capList(['a', 'b', 'c'])).toBe('a,b,c');
    expect(capList(['a', 'b', 'c', 'd'])).toBe('a,b,c + 1 more...');
  });
});
