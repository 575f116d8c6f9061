import { describe, expect, it } from 'vitest';
import { parseClusterConfig } from '../../sim/scenario/cluster-config';
import { DEFAULT_POOL, hasLoadBalancerPool, withLoadBalancerPool, withProxyMode } from './kind-config';

describe('kind config edits', () => {
  it('writes a kind Cluster config with the proxy mode', () => {
    const text = withProxyMode(null, 'ipvs');
    expect(parseClusterConfig(text).proxyMode).toBe('ipvs');
    expect(parseClusterConfig(withProxyMode(text, 'nftables')).proxyMode).toBe('nftables');
  });

  it('keeps the rest of the config: nodes, the pool, other networking fields', () => {
    const config = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\nnetworking:\n  podSubnet: 10.100.0.0/16\n';
    const edited = withLoadBalancerPool(withProxyMode(config, 'userspace'), DEFAULT_POOL);
    const parsed = parseClusterConfig(edited);
    expect(parsed.proxyMode).toBe('userspace');
    expect(parsed.nodes).toHaveLength(2);
    expect(parsed.podSubnet.text).toBe('10.100.0.0/16');
    expect(parsed.loadBalancerPool).toEqual(DEFAULT_POOL);
    expect(hasLoadBalancerPool(edited)).toBe(true);
    expect(hasLoadBalancerPool(config)).toBe(false);
    expect(withLoadBalancerPool(edited, ['1.2.3.4'])).toBe(edited);
  });
});
