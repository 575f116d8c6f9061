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
