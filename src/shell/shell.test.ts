import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from './test-shell';

describe('the simulated bash', () => {
  it('answers an unknown command as bash does, exit 127', () => {
    expect(testShell().result('foo --help')).toEqual({ chunks: [{ stream: 'err', text: 'bash: foo: command not found\n' }], exitCode: 127 });
  });

  it('runs ; sequences, && only after success, || only after failure', () => {
    const t = testShell();
    expect(t.run('echo a; echo b')).toBe('a\nb\n');
    expect(t.run('false && echo no || echo yes')).toBe('yes\n');
    expect(t.run('true && echo yes || echo no')).toBe('yes\n');
    expect(t.result('true; false').exitCode).toBe(1);
  });

  it('pipes stdout into grep and wc -l; stderr of earlier commands is not piped', () => {
    const t = appliedShell();
    expect(t.run('kubectl get pods | grep web | wc -l')).toBe('3\n');
    expect(t.run('kubectl get endpoints | wc -l')).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n3\n');
    expect(t.result('kubectl get pods | grep nope').exitCode).toBe(1);
  });

  it('runs for i in $(seq 1 N); do ...; done, substituting the variable', () => {
    const t = testShell();
    expect(t.run('for i in $(seq 1 3); do echo n$i; done')).toBe('n1\nn2\nn3\n');
    expect(t.run('for i in $(seq 2 3); do echo ${i}; done')).toBe('2\n3\n');
    expect(t.run('for x in a b; do echo $x; done')).toBe('a\nb\n');
  });

  it('pipes a loop\'s output on: ... done | sort | uniq -c', () => {
    expect(testShell().run('for i in $(seq 1 3); do echo b; echo a; done | sort | uniq -c')).toBe('      3 a\n      3 b\n');
  });

  it('loads balance across the endpoints: six curls reach more than one pod', () => {
    const t = appliedShell();
    const seen = new Set(t.stdout('for i in $(seq 1 6); do kubectl exec client -- curl -s http://web/; echo; done').split('\n').filter(Boolean));
    expect(seen.size).toBeGreaterThan(1);
    for (const name of seen) expect(name).toMatch(/^web-/);
  });

  it('sleep advances the clock (AGE), and rejects a bad interval as coreutils does', () => {
    const t = appliedShell();
    t.run('sleep 130');
    expect(t.stdout('kubectl get pod client')).toMatch(/ 2m10s\n$/);
    expect(t.run('sleep x')).toBe("sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n");
  });

  it('reports an unclosed quote and a dangling pipe as bash does', () => {
    const t = testShell();
    expect(t.result(`echo 'a`)).toEqual({ chunks: [{ stream: 'err', text: "bash: unexpected EOF while looking for matching `''\n" }], exitCode: 2 });
    expect(t.run('echo a | | wc')).toBe("bash: syntax error near unexpected token `|'\n");
  });
});
