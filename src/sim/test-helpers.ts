/**
 * Small builders for the core's tests (no runtime use): a settled kind
 * cluster, YAML snippets, and quick look-ups.
 */
import type { ApplyOutcome } from './apiserver/apply';
import type { Pod, Service } from './model/types';
import { defaultClusterConfig, type ClusterConfig } from './scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML } from './scenario/default-scenario';
import { Simulation } from './simulation';

export function newSim(seed = 1, config: ClusterConfig = defaultClusterConfig()): Simulation {
  return new Simulation(config, seed);
}

/** The app's opening scenario: web Deployment (3 agnhost serve-hostname), web Service, client pod. */
export function defaultScenario(seed = 1): Simulation {
  const sim = newSim(seed);
  apply(sim, DEFAULT_SCENARIO_YAML);
  return sim;
}

/** Applies YAML and returns each document's outcome; throws on YAML syntax errors. */
export function apply(sim: Simulation, yaml: string, mode: 'apply' | 'create' = 'apply'): ApplyOutcome[] {
  const report = sim.applyText(yaml, 'app.yaml', mode);
  if (report.syntaxErrors.length > 0) throw new Error(report.syntaxErrors.map((e) => e.message).join('\n'));
  return report.results.map((r) => r.outcome);
}

/** The message of a single-document apply. */
export function applyOne(sim: Simulation, yaml: string, mode: 'apply' | 'create' = 'apply'): string {
  const [outcome] = apply(sim, yaml, mode);
  return outcome!.message;
}

export function svc(sim: Simulation, name: string, ns = 'default'): Service {
  const s = sim.cluster.store.get('Service', ns, name);
  if (!s) throw new Error(`no service ${ns}/${name}`);
  return s;
}

export function pod(sim: Simulation, name: string, ns = 'default'): Pod {
  const p = sim.cluster.store.get('Pod', ns, name);
  if (!p) throw new Error(`no pod ${ns}/${name}`);
  return p;
}

export function podsWithLabel(sim: Simulation, key: string, value: string, ns = 'default'): Pod[] {
  return sim.cluster.store.list('Pod', ns).filter((p) => p.metadata.labels?.[key] === value);
}

/** A minimal Service manifest; `extra` is YAML appended under spec (indented two spaces). */
export function serviceYaml(name: string, spec: string, ns = 'default'): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n${spec}`;
}

/** A bare pod with labels; ports and readiness delay optional. */
export function podYaml(name: string, labels: Record<string, string>, opts: { image?: string; args?: string; ports?: string; readyAfter?: number; ns?: string } = {}): string {
  const labelLines = Object.entries(labels).map(([k, v]) => `    ${k}: "${v}"`).join('\n');
  const probe = opts.readyAfter !== undefined ? `\n    readinessProbe:\n      initialDelaySeconds: ${opts.readyAfter}\n      tcpSocket:\n        port: 80` : '';
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${opts.ns ?? 'default'}
  labels:
${labelLines || '    none: "x"'}
spec:
  containers:
  - name: c
    image: ${opts.image ?? 'nginx'}${opts.args ? `\n    args: ${opts.args}` : ''}${opts.ports ? `\n    ports:\n${opts.ports}` : ''}${probe}
`;
}
