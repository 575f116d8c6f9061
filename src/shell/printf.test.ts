// Expected values: bash 5.2's printf builtin (builtins/printf.def) as a terminal prints them.
import { describe, expect, it } from 'vitest';
import { printf } from './printf';
import { stdoutOf } from './types';

const run = (...args: string[]) => printf(args);
const text = (...args: string[]) => stdoutOf(run(...args));

describe('printf', () => {
  it('writes the format with its escapes, and no newline of its own', () => {
    expect(text('hello\\n')).toBe('hello\n');
    expect(text('a\\tb')).toBe('a\tb');
    expect(text('no newline')).toBe('no newline');
    expect(text('\\101\\x42')).toBe('AB');
  });

  it('fills conversions from the arguments and reuses the format while arguments remain', () => {
    expect(text('%s\\n', 'one', 'two')).toBe('one\ntwo\n');
    expect(text('%s=%s\n', 'a', '1', 'b')).toBe('a=1\nb=\n');
    expect(text('apiVersion: v1\\nkind: %s\\n', 'Pod')).toBe('apiVersion: v1\nkind: Pod\n');
  });

  it('pads, justifies and cuts as asked', () => {
    expect(text('[%5s][%-5s][%.2s]', 'ab', 'cd', 'xyz')).toBe('[   ab][cd   ][xy]');
    expect(text('[%*s]', '-3', 'a')).toBe('[a  ]');
    expect(text('%05d|%-4d|%+d|%x|%X|%o|%%', '42', '7', '3', '255', '255', '8')).toBe('00042|7   |+3|ff|FF|10|%');
    expect(text('%*s|', '4', 'a')).toBe('   a|');
  });

  it('%b expands escapes in its argument; %s does not', () => {
    expect(text('%b|%s', 'a\\nb', 'a\\nb')).toBe('a\nb|a\\nb');
  });

  it('a number that does not parse prints 0 and bash error, with exit status 1', () => {
    const r = run('%d\\n', 'abc');
    expect(stdoutOf(r)).toBe('0\n');
    expect(r.chunks.find((c) => c.stream === 'err')?.text).toBe('bash: printf: abc: invalid number\n');
    expect(r.exitCode).toBe(1);
  });

  it('without a format says how to use it, exit status 2', () => {
    const r = run();
    expect(r.exitCode).toBe(2);
    expect(r.chunks[0]!.text).toBe('bash: printf: usage: printf [-v var] format [arguments]\n');
  });
});

describe('printf: %q and what it does not know', () => {
  it('%q quotes as bash 5.2 does on this machine', () => {
    expect(text('%q|', 'a b', '', 'x\ny', "it's", 'a*b', '~x', 'a~b', '#a', 'é', 'a%b=c@d')).toBe("a\\ b|''|$'x\\ny'|it\\'s|a\\*b|\\~x|a~b|\\#a|é|a%b=c@d|");
  });

  it('stops at a conversion it does not know, after the text before it, with exit status 1', () => {
    const r = run('ab%5');
    expect(r.chunks).toEqual([
      { stream: 'out', text: 'ab' },
      { stream: 'err', text: "bash: printf: `%5': missing format character\n" },
    ]);
    expect(r.exitCode).toBe(1);
    expect(run('%').chunks).toEqual([{ stream: 'err', text: "bash: printf: `%': missing format character\n" }]);
    expect(run('%z', '1').chunks[0]!.text).toBe("bash: printf: `%z': missing format character\n");
  });
});

describe('printf against hostile widths', () => {
  it('a width or precision of 10^9 stops at the terminal budget with a note, instead of exhausting memory', () => {
    const many = ['%900000s'.repeat(2000), ...Array.from({ length: 2000 }, () => 'x')];
    for (const args of [['%999999999s|', 'x'], ['%.999999999d', '5'], ['%*s', '999999999', 'x'], ['%*s', '-999999999', 'x'], ['%-999999999s', 'x'], many]) {
      const r = printf(args);
      expect(stdoutOf(r).length).toBeLessThanOrEqual(1_000_000);
      expect(r.chunks.at(-1)!.text).toBe('printf: stopped after 1000000 characters (a limit of this simulated terminal)\n');
      expect(r.exitCode).toBe(1);
    }
  });
});
