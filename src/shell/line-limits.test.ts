import { describe, expect, it } from 'vitest';
import { humanDuration } from './print/age';
import { LINE_LIMITS, MAX_SLEEP_SECONDS } from './shell';
import { appliedShell, testShell } from './test-shell';

describe('redirections, as bash applies them left to right', () => {
  const t = testShell();
  const r = (line: string) => t.result(line);

  it('2>&1 sends stderr where stdout goes, into a pipe too', () => {
    expect(r('kubectl get pods nope 2>&1')).toEqual({ chunks: [{ stream: 'out', text: 'Error from server (NotFound): pods "nope" not found\n' }], exitCode: 1 });
    expect(t.run('kubectl get pods nope 2>&1 | wc -l')).toBe('1\n');
    expect(t.run('kubectl get pods nope | wc -l')).toBe('Error from server (NotFound): pods "nope" not found\n0\n');
  });

  it('>/dev/null, 2>/dev/null and &>/dev/null drop what they name; order matters', () => {
    expect(r('kubectl get pods nope 2>/dev/null')).toEqual({ chunks: [], exitCode: 1 });
    expect(r('echo hi >/dev/null')).toEqual({ chunks: [], exitCode: 0 });
    expect(r('echo hi 1>/dev/null')).toEqual({ chunks: [], exitCode: 0 });
    expect(r('kubectl get ns &>/dev/null')).toEqual({ chunks: [], exitCode: 0 });
    expect(r('kubectl get pods nope >/dev/null 2>&1')).toEqual({ chunks: [], exitCode: 1 });
    // stderr goes where stdout went before stdout was sent away: the terminal's stdout.
    expect(r('kubectl get pods nope 2>&1 >/dev/null').chunks).toEqual([{ stream: 'out', text: 'Error from server (NotFound): pods "nope" not found\n' }]);
    expect(r('echo hi >&2').chunks).toEqual([{ stream: 'err', text: 'hi\n' }]);
  });

  it('is no background job, and a missing target is the syntax error bash gives', () => {
    expect(t.run('echo hi 2>&1')).toBe('hi\n');
    expect(r('echo hi >')).toEqual({ chunks: [{ stream: 'err', text: "bash: syntax error near unexpected token `newline'\n" }], exitCode: 2 });
    expect(t.run('echo hi > | wc')).toBe("bash: syntax error near unexpected token `|'\n");
    expect(t.run('echo hi 2>&7')).toBe('bash: 7: Bad file descriptor\n');
  });

  it('writes no files, and says so in its own words', () => {
    expect(r('kubectl get ns > out.txt')).toEqual({ chunks: [{ stream: 'err', text: 'bash: out.txt: this simulated shell writes no files (only /dev/null, /dev/stdout, /dev/stderr)\n' }], exitCode: 1 });
  });

  it('applies inside a pod\'s sh too', () => {
    const a = appliedShell();
    expect(a.run('kubectl exec client -- sh -c "nslookup nope 2>/dev/null >/dev/null; echo done"')).toBe('done\n');
  });
});

describe('the budget of one command line', () => {
  it('counts nested loops together and says once where it stopped', () => {
    const t = testShell();
    const started = Date.now();
    const text = t.run('for i in $(seq 1 1000); do for j in $(seq 1 1000); do echo $i$j; done; done | wc -l');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(text).toBe(`bash: more than ${LINE_LIMITS.iterations} loop iterations in one line are not run here\n${LINE_LIMITS.iterations - 10}\n`);
  });

  it('cuts output past its bound, with a note', () => {
    const t = testShell();
    const big = 'x'.repeat(2000);
    const r = t.result(`for i in $(seq 1 1000); do echo ${big}; done`);
    const text = r.chunks.map((c) => c.text).join('');
    expect(text.length).toBeLessThan(LINE_LIMITS.outputChars + 200);
    expect(r.chunks[r.chunks.length - 1]!.stream).toBe('err');
    expect(r.chunks[r.chunks.length - 1]!.text).toBe(`\nsimulator: output cut after ${LINE_LIMITS.outputChars} characters (a limit of this simulated terminal)\n`);
  });

  it('refuses a command given more words than it takes, as bash does an argument list too long', () => {
    const t = testShell();
    expect(t.result(`kubectl get pods ${'a '.repeat(LINE_LIMITS.words)}`)).toEqual({ chunks: [{ stream: 'err', text: 'bash: kubectl: Argument list too long\n' }], exitCode: 126 });
    expect(t.result(`echo ${'a '.repeat(100_000)}`).exitCode).toBe(126);
  });
});

describe('sleep', () => {
  it('sums GNU sleep\'s operands with their suffixes, and bounds how far the simulated clock jumps', () => {
    const t = testShell();
    const before = t.sim.cluster.clock.now();
    expect(t.run('sleep 1m 1.5s')).toBe('');
    expect(t.sim.cluster.clock.now() - before).toBe(61.5);
    expect(t.result('sleep 1e300')).toEqual({ chunks: [{ stream: 'err', text: `sleep: the simulated clock advances at most ${MAX_SLEEP_SECONDS} seconds (30 days) at a time\n` }], exitCode: 1 });
    expect(t.run('sleep')).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    expect(t.run('sleep x')).toBe("sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n");
  });

  it('ages never print an exponent: a Duration saturates near 292 years (apimachinery duration.HumanDuration)', () => {
    expect(humanDuration(1e300)).toBe('292y');
    expect(humanDuration(Number.NaN)).toBe('0s');
    expect(humanDuration(3 * 365 * 86400)).toBe('3y');
  });
});
