/**
 * Small edits to a kind Cluster config's text, so switching the proxy mode
 * or adding a load balancer pool keeps whatever else the config says.
 */
import type { ProxyMode } from '../../sim/view/snapshot';

const BASE = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n';

const withNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

/** Sets networking.kubeProxyMode. */
export function withProxyMode(config: string | null, mode: ProxyMode): string {
  const text = withNewline(config?.trim() ? config : BASE);
  if (/^\s+kubeProxyMode:.*$/m.test(text)) return text.replace(/^(\s+kubeProxyMode:).*$/m, `$1 ${mode}`);
  if (/^networking:\s*$/m.test(text)) return text.replace(/^networking:\s*$/m, `networking:\n  kubeProxyMode: ${mode}`);
  return `${text}networking:\n  kubeProxyMode: ${mode}\n`;
}

/** Sets x-sim.loadBalancerPool (the addresses a cloud-provider-kind-like controller hands out); an existing pool stays. */
export function withLoadBalancerPool(config: string | null, pool: string[]): string {
  const text = withNewline(config?.trim() ? config : BASE);
  if (/^\s+loadBalancerPool:/m.test(text)) return text;
  const line = `  loadBalancerPool: [${pool.map((a) => `"${a}"`).join(', ')}]`;
  if (/^x-sim:\s*$/m.test(text)) return text.replace(/^x-sim:\s*$/m, `x-sim:\n${line}`);
  return `${text}x-sim:\n${line}\n`;
}

/** Whether the config gives load balancers addresses. */
export const hasLoadBalancerPool = (config: string | null): boolean => !!config && /^\s+loadBalancerPool:\s*\[\s*["']?\d/m.test(config);

/** Ten addresses at the top of kind's Docker network, where cloud-provider-kind and MetalLB setups usually take them. */
export const DEFAULT_POOL = Array.from({ length: 10 }, (_, i) => `172.18.255.${200 + i}`);
