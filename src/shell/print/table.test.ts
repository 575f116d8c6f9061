import { describe, expect, it } from 'vitest';
import { formatTable } from './table';

// cli-runtime printers/tabwriter.go: tabwriter.NewWriter(out, 6, 4, 3, ' ', 0).
describe('formatTable (kubectl tabwriter)', () => {
  it('pads every column but the last to its widest cell plus 3 spaces', () => {
    expect(formatTable([['NAME', 'TYPE', 'AGE'], ['kubernetes', 'ClusterIP', '5m']])).toBe(
      'NAME         TYPE        AGE\nkubernetes   ClusterIP   5m\n',
    );
  });

  it('gives a column at least 6 cells (minwidth), padding included', () => {
    expect(formatTable([['NS', 'X'], ['a', 'b']])).toBe('NS    X\na     b\n');
    expect(formatTable([['NAME', 'AGE'], ['web', '1s']])).toBe('NAME   AGE\nweb    1s\n');
  });

  it('does not pad the last column, so lines have no trailing spaces', () => {
    const text = formatTable([['NAME', 'ENDPOINTS'], ['web', '<none>']]);
    for (const line of text.split('\n')) expect(line).toBe(line.trimEnd());
  });

  it('handles an empty cell, as a blank ENDPOINTS column prints', () => {
    expect(formatTable([['NAME', 'ENDPOINTS', 'AGE'], ['web', '', '1m']])).toBe('NAME   ENDPOINTS   AGE\nweb                1m\n');
  });

  it('prints nothing for no rows', () => {
    expect(formatTable([])).toBe('');
  });
});
