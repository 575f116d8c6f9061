import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

// busybox networking/wget.c and libbb/progress.c.
describe('busybox wget', () => {
  const t = appliedShell('bb.yaml', 'empty.yaml');

  it('-qO- prints the body only', () => {
    expect(t.stdout('kubectl exec bb -- wget -qO- http://web/')).toMatch(/^web-\S+$/);
  });

  it('-O- without -q tells where it connects and draws the bar on stderr', () => {
    const r = t.result('kubectl exec bb -- wget -O- http://web/');
    const err = r.chunks.filter((c) => c.stream === 'err').map((c) => c.text).join('');
    expect(err).toMatch(/^Connecting to web \(10\.96\.\d+\.\d+:80\)\nwriting to stdout\n- {20}100% \|\*{32}\| {4}20 {2}0:00:00 ETA\nwritten to stdout\n$/);
  });

  it('says "can\'t connect" for a REJECTed Service and "bad address" for an unknown name', () => {
    expect(t.run('kubectl exec bb -- wget -qO- http://empty/')).toMatch(
      /^wget: can't connect to remote host \(10\.96\.\d+\.\d+\): Connection refused\ncommand terminated with exit code 1\n$/,
    );
    expect(t.run('kubectl exec bb -- wget -qO- http://nope/')).toBe("wget: bad address 'nope'\ncommand terminated with exit code 1\n");
  });
});
