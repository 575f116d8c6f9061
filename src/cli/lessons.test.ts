/**
 * Every built-in lesson is valid and solvable: its file passes the schema, and
 * its reference solution, replayed step by step, leaves every task of each step
 * done, while none of them is done when the step begins (a task that passes
 * before the learner acts teaches nothing). Learn Git Branching's level test,
 * for our lessons.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../lessons/parse-lesson';
import { SimSession } from '../worker/session';
import { readLessonFiles } from './lesson-files';
import { solveLesson } from './solve-lesson';
import { lessonFromScenario } from '../ui/lesson/make-lesson';
import { DEFAULT_SCENARIO_YAML } from '../sim/scenario/default-scenario';

const files = readLessonFiles();

describe('built-in lessons', () => {
  it('exist, and every file passes the schema', () => {
    expect(files.length).toBeGreaterThan(0);
    const problems = files.flatMap((f) => (f.parsed.ok ? [] : f.parsed.problems.map(formatProblem)));
    expect(problems).toEqual([]);
  });

  it('have distinct ids and orders', () => {
    const lessons = files.flatMap((f) => (f.parsed.ok ? [f.parsed.lesson] : []));
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    expect(new Set(lessons.map((l) => l.order)).size).toBe(lessons.length);
  });

  for (const f of files) {
    it(`${f.file}: no task is done when its step begins, every task is done after the step's solution`, () => {
      const report = solveLesson(f.text, f.file);
      const failures = report.steps.flatMap((s) => [
        ...s.doneAtStart.map((t) => `step ${s.step + 1}: done at start: ${t}`),
        ...s.notDoneAtEnd.map((t) => `step ${s.step + 1}: not done by the solution: ${t}`),
      ]);
      expect(failures, report.text).toEqual([]);
      expect(report.ok, report.text).toBe(true);
    });

    it(`${f.file}: opening any step directly starts it with no task done`, () => {
      if (!f.parsed.ok) return;
      const session = new SimSession();
      for (let step = 1; step < f.parsed.lesson.steps.length; step++) {
        const opened = session.lessonOpen({ text: f.text, file: f.file, step });
        expect(opened.ok).toBe(true);
        if (opened.ok) expect(opened.status.tasks.filter((t) => t.done).map((t) => t.title), `step ${step + 1}`).toEqual([]);
      }
    });
  }
});

describe("a teacher's lesson made from the scenario on screen", () => {
  it('solves as written', () => {
    const report = solveLesson(lessonFromScenario(DEFAULT_SCENARIO_YAML, null), 'my-lesson.yaml');
    expect(report.ok, report.text).toBe(true);
  });
});

describe('npm run sim -- --lesson FILE --solve', () => {
  it('exits non-zero and names the task when a solution does not complete it', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'lesson-'));
    const file = join(dir, 'broken.yaml');
    // The teacher's template, with a solution that does not do what the task asks.
    writeFileSync(file, lessonFromScenario(DEFAULT_SCENARIO_YAML, null).replace('- run: kubectl get pods -o wide\n', '- run: kubectl get svc\n').replace(/solution:\n(\s+)- run: kubectl get pods -o wide/, 'solution:\n$1- run: kubectl get svc'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--lesson', file, '--solve'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL: not done by the solution: List the pods with their IPs');
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--lessons'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[0]).toMatch(/^why-services\s+Why Services exist$/);
  }, 30_000);
});

describe('a rebuilt worker gets its lesson back', () => {
  it('load with a lesson reopens its step and replays the step\'s ops, tasks checked again', () => {
    const f = files.find((x) => x.parsed.ok && x.parsed.lesson.id === 'why-services')!;
    const session = new SimSession();
    session.load({ yaml: '', seed: 1, lesson: { text: f.text, file: f.file, step: 2 }, history: [{ op: 'run', line: 'kubectl expose deployment web --port=80 --target-port=9376' }] });
    const status = session.lessonStatus();
    expect(status?.step).toBe(2);
    expect(status?.tasks.every((t) => t.done)).toBe(true);
  });
});
