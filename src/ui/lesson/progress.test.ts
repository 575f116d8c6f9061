import { describe, expect, it } from 'vitest';
import { compactHistory, emptyProgress, parseProgress, withLesson } from './progress';

describe('lesson progress', () => {
  it('round-trips through JSON', () => {
    const p = withLesson(emptyProgress(), 'why-services', (l) => ({ ...l, step: 2, stepsDone: [0, 1], actions: 7, history: [{ op: 'run', line: 'kubectl get pods' }] }));
    const again = parseProgress(JSON.stringify({ ...p, current: 'why-services' }));
    expect(again.lessons['why-services']).toEqual({ step: 2, stepsDone: [0, 1], done: false, actions: 7, history: [{ op: 'run', line: 'kubectl get pods' }] });
    expect(again.current).toBe('why-services');
  });

  it('ignores what does not check out, never throws', () => {
    for (const raw of ['{', 'null', '[]', '{"lessons":{"__proto__":{"step":1}}}', '{"lessons":{"a":{"step":-1}}}', '{"lessons":{"a":{"step":1,"stepsDone":[],"done":false,"actions":0,"history":[{"op":"rm"}]}}}']) {
      const p = parseProgress(raw);
      expect(p.lessons).toEqual({});
      expect(p.current).toBeNull();
    }
    expect(Object.prototype).not.toHaveProperty('step');
  });

  it('keeps a current lesson only when its progress exists', () => {
    expect(parseProgress('{"lessons":{},"current":"x"}').current).toBeNull();
  });
});

describe('compactHistory', () => {
  it('keeps the last of edits typed in a row, and every other op', () => {
    const ops = [
      { op: 'apply', yaml: 'a' },
      { op: 'apply', yaml: 'ab' },
      { op: 'run', line: 'kubectl get pods' },
      { op: 'apply', yaml: 'abc' },
    ] as const;
    expect(compactHistory([...ops])).toEqual([ops[1], ops[2], ops[3]]);
  });
});
