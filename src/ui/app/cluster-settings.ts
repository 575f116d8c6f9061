/**
 * Cluster-wide switches that need a fresh cluster: the kube-proxy mode and
 * a load balancer address pool. Each starts a new cluster whose kind config
 * says so (same seed) and replays what the learner did since the scenario was
 * loaded (edits, commands, requests, time), so nothing made in the terminal is lost.
 */
import type { ProxyMode } from '../../sim/view/snapshot';
import { useLoadStore } from '../stores/load-store';
import { useScenarioStore } from '../stores/scenario-store';
import { lastAppliedYaml, useSessionLogStore } from '../stores/session-log-store';
import { DEFAULT_POOL, withLoadBalancerPool, withProxyMode } from './kind-config';
import { loadScenario } from './sim-actions';

function reload(clusterConfig: string): Promise<void> {
  const { text, seed } = useScenarioStore.getState();
  const { baseYaml, ops } = useSessionLogStore.getState();
  useLoadStore.getState().cleared();
  // The shown trace belongs to the old cluster: the history replays without it on screen.
  if (ops.length === 0) return loadScenario({ yaml: text, clusterConfig, seed });
  const history = lastAppliedYaml(baseYaml, ops) === text ? ops : [...ops, { op: 'apply' as const, yaml: text }];
  return loadScenario({ yaml: baseYaml, clusterConfig, seed, history });
}

export function switchProxyMode(mode: ProxyMode): Promise<void> {
  return reload(withProxyMode(useScenarioStore.getState().clusterConfig, mode));
}

export function addLoadBalancerPool(): Promise<void> {
  return reload(withLoadBalancerPool(useScenarioStore.getState().clusterConfig, DEFAULT_POOL));
}
