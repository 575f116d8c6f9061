/** The editor is told where the cluster no longer matches its text. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } from '../sim/scenario/default-scenario';
import { SimSession } from './session';

function session(): SimSession {
  const s = new SimSession();
  s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: DEFAULT_SEED });
  return s;
}

describe('editor drift', () => {
  it('is empty while the cluster is what the text says', () => {
    expect(session().snapshot().drift).toBeUndefined();
  });

  it('names replicas scaled in the terminal, objects made there, and objects deleted there', () => {
    const s = session();
    s.run('kubectl scale deploy web --replicas=10');
    s.run('kubectl expose deploy web --name=web2 --port=80 --target-port=9376');
    s.run('kubectl delete pod client --now');
    expect(s.snapshot().drift).toEqual([
      'deployment web has 10 replicas in the cluster, 3 in the text',
      'pod client is in the text, but was deleted from the cluster',
      'service web2 is in the cluster, not in the text',
    ]);
  });

  it('goes once the text says the same again', () => {
    const s = session();
    s.run('kubectl scale deploy web --replicas=10');
    s.applyYaml(DEFAULT_SCENARIO_YAML.replace('replicas: 3', 'replicas: 10'));
    expect(s.snapshot().drift).toBeUndefined();
  });

  it('counts past a few lines', () => {
    const s = session();
    for (let i = 0; i < 6; i++) s.run(`kubectl create deployment d${i} --image=nginx`);
    const drift = s.snapshot().drift!;
    expect(drift).toHaveLength(4);
    expect(drift[3]).toBe('and 3 more differences');
  });
});
