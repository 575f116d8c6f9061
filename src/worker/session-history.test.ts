import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_YAML } from '../sim/scenario/default-scenario';
import type { SessionOp } from './protocol';
import { SimSession } from './session';

const podsOf = (s: SimSession) => s.sim.cluster.store.list('Pod', 'default').map((p) => `${p.metadata.name} ${p.status.podIP}`);

describe('replaying a session history', () => {
  it('rebuilds the same cluster and the same trace, where a fresh load of the final YAML would not', () => {
    const edited = DEFAULT_SCENARIO_YAML.replace('replicas: 3', 'replicas: 5');
    const history: SessionOp[] = [
      { op: 'apply', yaml: edited },
      { op: 'run', line: 'kubectl exec client -- curl -s http://web/' },
      { op: 'advance', seconds: 10 },
      { op: 'trace', request: { from: 'default/client', url: 'http://web/' } },
    ];
    const sender = new SimSession();
    sender.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 7 });
    sender.applyYaml(edited);
    sender.run('kubectl exec client -- curl -s http://web/');
    sender.advance(10);
    const shown = sender.trace({ from: 'default/client', url: 'http://web/' }).trace;

    const receiver = new SimSession();
    const opened = receiver.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 7, history, showTraceAt: 3 });
    expect(podsOf(receiver)).toEqual(podsOf(sender));
    expect(opened.trace).toEqual(shown);
    expect(opened.snapshot.time).toBe(10);

    const fresh = new SimSession();
    fresh.load({ yaml: edited, seed: 7 });
    expect(podsOf(fresh)).not.toEqual(podsOf(sender));
  });
});
