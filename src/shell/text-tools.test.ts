import { describe, expect, it } from 'vitest';
import { textTool } from './text-tools';

const text = 'NAME   READY\nweb-1  1/1\nweb-2  1/1\nclient 1/1\n';

describe('text tools fed by a pipe', () => {
  it('grep keeps matching lines and exits 1 when none match; -v inverts, -c counts, -i ignores case', () => {
    expect(textTool('grep', ['web'], text)).toEqual({ chunks: [{ stream: 'out', text: 'web-1  1/1\nweb-2  1/1\n' }], exitCode: 0 });
    expect(textTool('grep', ['nope'], text)).toEqual({ chunks: [], exitCode: 1 });
    expect(textTool('grep', ['-v', 'web'], text)!.chunks[0]!.text).toBe('NAME   READY\nclient 1/1\n');
    expect(textTool('grep', ['-c', 'web'], text)!.chunks[0]!.text).toBe('2\n');
    expect(textTool('grep', ['-i', 'name'], text)!.chunks[0]!.text).toBe('NAME   READY\n');
  });

  it('grep without a pattern prints its usage, exit 2', () => {
    expect(textTool('grep', [], text)).toEqual({
      chunks: [{ stream: 'err', text: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n" }],
      exitCode: 2,
    });
  });

  it('wc -l counts lines; plain wc prints lines, words, bytes in 7-wide columns', () => {
    expect(textTool('wc', ['-l'], text)!.chunks[0]!.text).toBe('4\n');
    expect(textTool('wc', ['-l'], '')!.chunks[0]!.text).toBe('0\n');
    expect(textTool('wc', [], 'a b\nc\n')!.chunks[0]!.text).toBe('      2       3       6\n');
  });

  it('head/tail take -n N or -N, 10 by default', () => {
    expect(textTool('head', ['-2'], text)!.chunks[0]!.text).toBe('NAME   READY\nweb-1  1/1\n');
    expect(textTool('tail', ['-n', '1'], text)!.chunks[0]!.text).toBe('client 1/1\n');
  });

  it('sort | uniq -c counts runs with a 7-wide count, as GNU uniq does', () => {
    const sorted = textTool('sort', [], 'b\na\nb\n')!.chunks[0]!.text;
    expect(sorted).toBe('a\nb\nb\n');
    expect(textTool('uniq', ['-c'], sorted)!.chunks[0]!.text).toBe('      1 a\n      2 b\n');
  });

  it('is not asked about other names', () => {
    expect(textTool('awk', [], text)).toBeUndefined();
  });
});

// Expected values: GNU coreutils 9 (head.c, wc.c, sort.c, uniq.c), run on this machine over the same files.
describe('filters over files', () => {
  const files: Record<string, string> = { w1: 'a b\nc\n', w2: 'x\ny\nz\n' };
  const read = (path: string) => files[path];
  const run = (name: string, ...args: string[]) => textTool(name, args, 'q\n', read)!;
  const text = (r: ReturnType<typeof run>) => r.chunks.map((c) => `${c.stream}:${c.text}`).join('');

  it('wc names each file, pads to the width of the files total size, and adds a total', () => {
    expect(text(run('wc', '-l', 'w1'))).toBe('out:2 w1\n');
    expect(text(run('wc', 'w1'))).toBe('out:2 3 6 w1\n');
    expect(text(run('wc', '-l', 'w1', 'w2'))).toBe('out: 2 w1\n 3 w2\n 5 total\n');
    expect(text(run('wc', 'w1', 'w2'))).toBe('out: 2  3  6 w1\n 3  3  6 w2\n 5  6 12 total\n');
    expect(text(run('wc', '-', 'w1'))).toBe('out:      1       1       2 -\n      2       3       6 w1\n      3       4       8 total\n');
  });

  it('a file that cannot be opened is said where it comes, and the status is 1', () => {
    const r = run('wc', '-l', 'nosuch', 'w1');
    expect(text(r)).toBe('err:wc: nosuch: No such file or directory\nout:2 w1\n2 total\n');
    expect(r.exitCode).toBe(1);
    expect(text(run('head', 'nosuch'))).toBe("err:head: cannot open 'nosuch' for reading: No such file or directory\n");
    expect(run('sort', 'nosuch').exitCode).toBe(2);
    expect(text(run('sort', 'nosuch'))).toBe('err:sort: cannot read: nosuch: No such file or directory\n');
    expect(text(run('uniq', 'nosuch'))).toBe('err:uniq: nosuch: No such file or directory\n');
  });

  it('head and tail read their files, with a header above each when there are several', () => {
    expect(text(run('head', '-n', '1', 'w1', 'w2'))).toBe('out:==> w1 <==\na b\n\n==> w2 <==\nx\n');
    expect(text(run('tail', '-n', '1', 'w1'))).toBe('out:c\n');
    expect(text(run('tail', '-1', 'w2'))).toBe('out:z\n');
  });

  it('head -n -K drops the last K lines, tail -n +K starts at line K; a count that is not a number is refused once', () => {
    expect(text(run('head', '-n', '-1', 'w2'))).toBe('out:x\ny\n');
    expect(text(run('tail', '-n', '+2', 'w2'))).toBe('out:y\nz\n');
    const r = run('head', '-n', 'abc', 'w1', 'w2');
    expect(text(r)).toBe("err:head: invalid number of lines: 'abc'\n");
    expect(r.exitCode).toBe(1);
    expect(text(run('wc', '-x', 'w1'))).toBe("err:wc: invalid option -- 'x'\nTry 'wc --help' for more information.\n");
  });

  it('sort and uniq read their files; with no file they read standard input', () => {
    expect(text(run('sort', '-r', 'w2', 'w1'))).toBe('out:z\ny\nx\nc\na b\n');
    expect(text(run('uniq', 'w2'))).toBe('out:x\ny\nz\n');
    expect(text(run('wc', '-l'))).toBe('out:1\n');
  });
});
