import { describe, expect, it } from 'vitest';
import { tabwrite } from './tabwriter';

// Expected layouts follow go/src/text/tabwriter semantics as kubectl describe uses them
// (staging/src/k8s.io/kubectl/pkg/describe/describe.go: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)).
const DESCRIBE = { minWidth: 0, padding: 2 };

describe('tabwrite', () => {
  it('aligns the first column of a block to its widest cell plus padding', () => {
    expect(tabwrite('Name:\tweb\nNamespace:\tdefault\n', DESCRIBE)).toBe('Name:       web\nNamespace:  default\n');
  });

  it('does not pad the last cell of a line', () => {
    expect(tabwrite('a\tb\nccc\td\n', DESCRIBE)).toBe('a    b\nccc  d\n');
  });

  it('starts a new block after a line without the column', () => {
    expect(tabwrite('a\tx\nheader\nlonger:\ty\n', DESCRIBE)).toBe('a  x\nheader\nlonger:  y\n');
  });

  it('sizes an inner column only from the lines that terminate it with a tab', () => {
    const text = 'Port:\t<unset>\t80/TCP\nTargetPort:\t9376/TCP\n';
    expect(tabwrite(text, DESCRIBE)).toBe('Port:        <unset>  80/TCP\nTargetPort:  9376/TCP\n');
  });

  it('honours the minimum width kubectl get uses (6, padding 3)', () => {
    expect(tabwrite('NAME\tAGE\nab\t1s\n', { minWidth: 6, padding: 3 })).toBe('NAME   AGE\nab     1s\n');
  });
});
