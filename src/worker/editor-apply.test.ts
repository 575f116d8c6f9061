import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_YAML } from '../sim/scenario/default-scenario';
import { SimSession } from './session';

const webPods = (s: SimSession) => s.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('web'));

describe('applying the editor YAML', () => {
  it('applies an edit inside the same objects at once, even on the quick path', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 1 });
    const r = s.applyYaml(DEFAULT_SCENARIO_YAML.replace('replicas: 3', 'replicas: 4'), { onlyIfSameObjects: true });
    expect(r.deferred).toBeUndefined();
    expect(webPods(s)).toHaveLength(4);
  });

  it('defers a rename on the quick path, so half-typed names make no objects', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 1 });
    const halfTyped = DEFAULT_SCENARIO_YAML.replace('kind: Deployment\nmetadata:\n  name: web', 'kind: Deployment\nmetadata:\n  name: we');
    const quick = s.applyYaml(halfTyped, { onlyIfSameObjects: true });
    expect(quick.deferred).toBe(true);
    expect(s.sim.cluster.store.get('Deployment', 'default', 'we')).toBeUndefined();
    const settled = s.applyYaml(halfTyped);
    expect(settled.ok).toBe(true);
    expect(s.sim.cluster.store.get('Deployment', 'default', 'we')).toBeDefined();
    expect(s.sim.cluster.store.get('Deployment', 'default', 'web')).toBeUndefined();
  });

  it('still reports what the API server rejects on the quick path, with the cluster unchanged', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 1 });
    const r = s.applyYaml(DEFAULT_SCENARIO_YAML.replace('port: 80', 'port: 99999'), { onlyIfSameObjects: true });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.message).toBe('The Service "web" is invalid: spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive');
    expect(r.diagnostics[0]!.startLine).toBe(DEFAULT_SCENARIO_YAML.split('\n').findIndex((l) => l.includes('port: 80')) + 1);
  });
});
