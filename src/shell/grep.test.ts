/**
 * grep as GNU grep 3 prints (grep.c: prtext's `--` group separator, -NUM as -C NUM, BRE by
 * default). Each expectation was compared with /usr/bin/grep (GNU grep 3.8) on the same input.
 */
import { describe, expect, it } from 'vitest';
import { grep } from './grep';
import { textOf } from './types';
import { appliedShell } from './test-shell';

const INPUT = 'line1\nfoo a\nline3\nline4\nline5\nfoo b\nline7\nbar\n';
const g = (...args: string[]) => {
  const r = grep(args, INPUT, () => undefined);
  return `${textOf(r)}rc=${r.exitCode}`;
};

describe('grep', () => {
  it('prints context with -A, -B, -C and -NUM, a -- line between groups that do not touch', () => {
    expect(g('-A1', 'foo')).toBe('foo a\nline3\n--\nfoo b\nline7\nrc=0');
    expect(g('-B', '1', 'foo')).toBe('line1\nfoo a\n--\nline5\nfoo b\nrc=0');
    expect(g('-C1', '-n', 'foo')).toBe('1-line1\n2:foo a\n3-line3\n--\n5-line5\n6:foo b\n7-line7\nrc=0');
    expect(g('-2', 'line4')).toBe('foo a\nline3\nline4\nline5\nfoo b\nrc=0');
    expect(g('-m1', '-A1', 'foo')).toBe('foo a\nline3\nrc=0');
  });

  it('-e more than once, -E, -i, -v, -c, -o, -w, --', () => {
    expect(g('-e', 'foo', '-e', 'bar')).toBe('foo a\nfoo b\nbar\nrc=0');
    expect(g('-o', 'o\\+')).toBe('oo\noo\nrc=0');
    expect(g('-E', '-o', 'o+|ba')).toBe('oo\noo\nba\nrc=0');
    expect(g('-c', 'foo')).toBe('2\nrc=0');
    expect(g('-iv', 'LINE')).toBe('foo a\nfoo b\nbar\nrc=0');
    expect(g('-w', 'line')).toBe('rc=1');
    expect(g('--', '-x')).toBe('rc=1');
    expect(g('(')).toBe('rc=1');
    expect(g('-E', '(')).toBe('grep: Unmatched ( or \\(\nrc=2');
    expect(g('-q', 'bar')).toBe('rc=0');
  });

  it('reads the files it is given; several are prefixed with their names', () => {
    const t = appliedShell();
    expect(t.run('grep -c nameserver /etc/resolv.conf')).toBe('grep: /etc/resolv.conf: No such file or directory\n');
    expect(t.run("kubectl exec client -- sh -c 'grep nameserver /etc/resolv.conf /etc/hosts'")).toBe('/etc/resolv.conf:nameserver 10.96.0.10\n');
    expect(t.run('kubectl get pods | grep -A1 -e NAME -e client')).toMatch(/^NAME .*\nclient .*\nweb-/);
  });
});
