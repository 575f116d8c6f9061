/**
 * Cluster-wide switches that need a fresh cluster: the kube-proxy mode and
 * a load balancer address pool. Each reloads the current YAML on a new
 * cluster whose kind config says so (same seed, so the same pod names).
 */
import type { ProxyMode } from '../../sim/view/snapshot';
import { useLoadStore } from '../stores/load-store';
import { useScenarioStore } from '../stores/scenario-store';
import { DEFAULT_POOL, withLoadBalancerPool, withProxyMode } from './kind-config';
import { loadScenario } from './sim-actions';

function reload(clusterConfig: string): Promise<void> {
  const { text, seed } = useScenarioStore.getState();
  useLoadStore.getState().cleared();
  return loadScenario({ yaml: text, clusterConfig, seed });
}

export function switchProxyMode(mode: ProxyMode): Promise<void> {
  return reload(withProxyMode(useScenarioStore.getState().clusterConfig, mode));
}

export function addLoadBalancerPool(): Promise<void> {
  return reload(withLoadBalancerPool(useScenarioStore.getState().clusterConfig, DEFAULT_POOL));
}
