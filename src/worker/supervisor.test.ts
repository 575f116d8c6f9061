import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplyResult, ScenarioInput, SessionOp, SimApi } from './protocol';
import { SimLostError, SimSupervisor, type SupervisorEvent } from './supervisor';

/** A fake worker: `run('hang')` never answers, `run('boom')` throws, a load with `yaml: 'hang'` never answers. */
class FakeWorker {
  loads: ScenarioInput[] = [];
  lines: string[] = [];
  terminated = false;
  constructor(readonly died: () => void) {}
  api = {
    load: (s: ScenarioInput) => {
      this.loads.push(s);
      if (s.yaml === 'hang' || (s.history ?? []).some((o) => o.op === 'run' && o.line === 'hang')) return new Promise(() => {});
      return Promise.resolve({ ok: true, diagnostics: [], summary: 'ok', snapshot: {} } as unknown as ApplyResult);
    },
    run: (line: string) => {
      this.lines.push(line);
      if (line === 'hang') return new Promise(() => {});
      if (line === 'boom') return Promise.reject(new Error('boom'));
      if (line === 'slow') return new Promise((r) => setTimeout(() => r({ output: 'slow done' }), 900));
      return Promise.resolve({ output: `ran ${line}`, exitCode: 0, prompt: '$', snapshot: {} });
    },
  } as unknown as SimApi;
  terminate = (): void => {
    this.terminated = true;
  };
}

function setup(history: () => ScenarioInput | null = () => ({ yaml: 'base', seed: 1, history: [{ op: 'run', line: 'one' }] })) {
  const workers: FakeWorker[] = [];
  const events: SupervisorEvent[] = [];
  const sup = new SimSupervisor({
    factory: (died) => {
      const w = new FakeWorker(died);
      workers.push(w);
      return w;
    },
    history,
    onEvent: (e) => events.push(e),
    deadlineMs: (m) => (m === 'load' ? 2000 : 1000),
  });
  return { sup, workers, events };
}

const lost = (reason: string) => (e: unknown) => e instanceof SimLostError && e.reason === reason;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SimSupervisor', () => {
  it('passes calls through to one worker, in order', async () => {
    const { sup, workers } = setup();
    const a = sup.api.run('a');
    const b = sup.api.run('b');
    expect((await a).output).toBe('ran a');
    expect((await b).output).toBe('ran b');
    expect(workers).toHaveLength(1);
    expect(workers[0]!.lines).toEqual(['a', 'b']);
  });

  it('an error thrown by the core is the caller’s, and the worker stays', async () => {
    const { sup, workers } = setup();
    await expect(sup.api.run('boom')).rejects.toThrow('boom');
    expect((await sup.api.run('c')).output).toBe('ran c');
    expect(workers).toHaveLength(1);
  });

  it('a call past its deadline ends the worker; a new one replays the history, then the queue goes on', async () => {
    const { sup, workers, events } = setup();
    const hung = sup.api.run('hang').catch((e: unknown) => e);
    const next = sup.api.run('after');
    await vi.advanceTimersByTimeAsync(1000);
    const err = await hung;
    expect(err).toBeInstanceOf(SimLostError);
    expect((err as SimLostError).reason).toBe('timeout');
    expect((err as SimLostError).message).toBe('the simulation took longer than 1 s and was stopped');
    expect(workers[0]!.terminated).toBe(true);
    expect((await next).output).toBe('ran after');
    expect(workers).toHaveLength(2);
    expect(workers[1]!.loads).toEqual([{ yaml: 'base', seed: 1, history: [{ op: 'run', line: 'one' }] }]);
    expect(events).toMatchObject([{ kind: 'recovered', reason: 'timeout', method: 'run', replayed: 1, dropped: 0 }]);
  });

  it('each deadline counts from its own start, not from when it was queued', async () => {
    const { sup, workers } = setup();
    const first = sup.api.run('slow');
    const second = sup.api.run('slow');
    await vi.advanceTimersByTimeAsync(900);
    expect((await first).output).toBe('slow done');
    await vi.advanceTimersByTimeAsync(900);
    expect((await second).output).toBe('slow done');
    expect(workers).toHaveLength(1);
  });

  it('a worker that dies while idle is replaced at once, from the history', async () => {
    const { sup, workers, events } = setup();
    await sup.api.run('a');
    workers[0]!.died();
    await vi.advanceTimersByTimeAsync(0);
    expect(workers).toHaveLength(2);
    expect(events).toMatchObject([{ kind: 'recovered', reason: 'died', method: null }]);
    expect((await sup.api.run('b')).output).toBe('ran b');
  });

  it('a death reported by a worker already replaced changes nothing', async () => {
    const { sup, workers, events } = setup();
    const hung = sup.api.run('hang').catch(() => undefined);
    await vi.advanceTimersByTimeAsync(1000);
    await hung;
    workers[0]!.died();
    await vi.advanceTimersByTimeAsync(0);
    expect(workers).toHaveLength(2);
    expect(events).toHaveLength(1);
  });

  it('Ctrl+C interrupts the running command: rebuilt without it', async () => {
    const { sup, workers, events } = setup();
    const hung = sup.api.run('hang');
    await vi.advanceTimersByTimeAsync(10);
    expect(sup.interrupt('run')).toBe(true);
    await expect(hung).rejects.toSatisfy(lost('interrupted'));
    await vi.advanceTimersByTimeAsync(0);
    expect(workers[1]!.loads[0]!.history).toEqual([{ op: 'run', line: 'one' }]);
    expect(events).toMatchObject([{ kind: 'recovered', reason: 'interrupted' }]);
    expect(sup.interrupt('run')).toBe(false);
  });

  it('a reset ends the running call and drops the queue, without rebuilding', async () => {
    const { sup, workers, events } = setup();
    const hung = sup.api.run('hang');
    const queued = sup.api.run('queued');
    sup.reset();
    await expect(hung).rejects.toSatisfy(lost('reset'));
    await expect(queued).rejects.toSatisfy(lost('reset'));
    const loaded = await sup.api.load({ yaml: 'new', seed: 2 });
    expect(loaded.summary).toBe('ok');
    expect(workers[1]!.loads).toEqual([{ yaml: 'new', seed: 2 }]);
    expect(events).toEqual([]);
  });

  it('a lost load is its caller’s to replace: no rebuild', async () => {
    const { sup, workers, events } = setup();
    const load = sup.api.load({ yaml: 'hang', seed: 1 });
    const caught = load.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await caught).toSatisfy(lost('timeout'));
    expect(workers).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it('a history that cannot be replayed falls back to the scenario alone, and says how many ops were dropped', async () => {
    const ops: SessionOp[] = [{ op: 'run', line: 'hang' }];
    const { sup, workers, events } = setup(() => ({ yaml: 'base', seed: 1, history: ops }));
    const died = sup.api.run('x');
    workers[0]!.died();
    await expect(died).rejects.toSatisfy(lost('died'));
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(0);
    expect(workers).toHaveLength(3);
    expect(workers[2]!.loads).toEqual([{ yaml: 'base', seed: 1, history: [] }]);
    expect(events).toMatchObject([{ kind: 'recovered', reason: 'died', method: 'run', replayed: 0, dropped: 1 }]);
  });

  it('says so when not even the scenario can be rebuilt', async () => {
    const { sup, events } = setup(() => ({ yaml: 'hang', seed: 1 }));
    const hung = sup.api.run('hang').catch(() => undefined);
    await vi.advanceTimersByTimeAsync(1000);
    await hung;
    await vi.advanceTimersByTimeAsync(2000);
    expect(events).toMatchObject([{ kind: 'failed', reason: 'timeout', method: 'run' }]);
  });

  it('nothing to rebuild before the first load', async () => {
    const { sup, workers, events } = setup(() => null);
    const hung = sup.api.run('hang').catch(() => undefined);
    await vi.advanceTimersByTimeAsync(1000);
    await hung;
    expect(events).toEqual([]);
    expect((await sup.api.run('a')).output).toBe('ran a');
    expect(workers[1]!.loads).toEqual([]);
  });
});
