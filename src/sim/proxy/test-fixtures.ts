/** Builders for ProxyServicePort / ProxyEndpoint values in tests (no runtime use). */
import type { ProxyEndpoint, ProxyServicePort } from './service-port';

export function ep(ip: string, port: number, extra: Partial<ProxyEndpoint> = {}): ProxyEndpoint {
  return { ip, port, ready: true, serving: true, terminating: false, ...extra };
}

export function svcPort(extra: Partial<ProxyServicePort> & Pick<ProxyServicePort, 'namespace' | 'name'>): ProxyServicePort {
  return {
    portName: 'p80',
    protocol: 'TCP',
    port: 80,
    externalIPs: [],
    loadBalancerIPs: [],
    loadBalancerSourceRanges: [],
    externalPolicyLocal: false,
    internalPolicyLocal: false,
    endpoints: [],
    ...extra,
  };
}
