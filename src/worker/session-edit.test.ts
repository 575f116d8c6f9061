import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_YAML } from '../sim/scenario/default-scenario';
import { SimSession } from './session';

describe('kubectl edit through the session', () => {
  it('a run answers the file to edit and no line end; editSaved answers kubectl\'s line (editoptions.go: "edited")', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 7 });
    const opened = s.run('kubectl edit svc web');
    expect(opened.output).toBe('');
    expect(opened.edit).toMatchObject({ title: 'service/web', language: 'yaml' });
    const saved = s.editSaved(opened.edit!.text.replace('  - port: 80\n', '  - port: 8080\n'));
    expect(saved).toMatchObject({ output: 'service/web edited\n', exitCode: 0, prompt: '$' });
    expect(saved.edit).toBeUndefined();
    expect(saved.snapshot.services.find((x) => x.name === 'web')!.ports[0]!.port).toBe(8080);
  });

  it('a history with the edit replays to the same Service; an edit still open at the end is dropped', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 7 });
    const text = s.run('kubectl edit svc web').edit!.text.replace('  - port: 80\n', '  - port: 8081\n');
    const replayed = new SimSession();
    replayed.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 7, history: [{ op: 'run', line: 'kubectl edit svc web' }, { op: 'edit', text }, { op: 'run', line: 'kubectl edit svc web' }] });
    expect(replayed.sim.cluster.store.get('Service', 'default', 'web')!.spec.ports[0]!.port).toBe(8081);
    expect(replayed.shell.editFile).toBeUndefined();
  });
});
