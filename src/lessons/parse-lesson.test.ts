/** A broken lesson names its file, field and line; a good one parses. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from './parse-lesson';

const good = readFileSync(new URL('../../lessons/01-why-services.yaml', import.meta.url), 'utf8');

describe('parseLesson', () => {
  it('reads a built-in lesson', () => {
    const r = parseLesson(good, 'lessons/01-why-services.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.lesson.steps.length).toBeGreaterThan(1);
  });

  it('names the file, the field and the line of a bad value', () => {
    const bad = good.replace('minutes: 6', 'minutes: lots');
    const r = parseLesson(bad, 'mine.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = bad.split('\n').findIndex((l) => l.startsWith('minutes:')) + 1;
    expect(r.problems[0]).toMatchObject({ file: 'mine.yaml', field: 'minutes', line });
  });

  it('names an unknown field in a goal with its path and line', () => {
    const bad = good.replace('request: { from: client, hostKind: pod-ip', 'request: { frm: client, hostKind: pod-ip');
    const r = parseLesson(bad, 'mine.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = bad.split('\n').findIndex((l) => l.includes('frm: client')) + 1;
    expect(r.problems[0]!.field).toMatch(/^steps\[0\]\.tasks\[0\]\.goal/);
    expect(r.problems[0]!.message).toMatch(/"frm"/);
    expect(r.problems[0]!.line).toBe(line);
  });

  it('refuses a prediction whose answer is not one of its choices', () => {
    const r = parseLesson(good.replace('      answer: 2', '      answer: 7'), 'mine.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.field).toBe('steps[1].predict.answer');
  });

  it('refuses a goal pattern that is no regular expression, at its line', () => {
    const bad = good.replace('printed: "web-"', 'printed: "web-("');
    const r = parseLesson(bad, 'mine.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.field).toBe('steps[1].tasks[1].goal.all[1].command.printed');
    expect(r.problems[0]!.line).toBe(bad.split('\n').findIndex((l) => l.includes('web-(')) + 1);
  });

  it('reports YAML errors (a duplicate key, an undefined alias) as problems, never throws', () => {
    for (const text of ['id: a\nid: b\n', 'id: *nothing\n', 'a: &x [*x]\n', ': :\n  - ]', '[[[[[[', '']) {
      const r = parseLesson(text, 'x.yaml');
      expect(r.ok).toBe(false);
    }
  });

  it('refuses duplicate ids of steps fields and keeps problem lists short', () => {
    const r = parseLesson('id: Bad Id\n', 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.some((p) => p.field === 'id' && p.line === 1)).toBe(true);
  });
});
