/**
 * `npm run sim -- --lesson ID --solve`: plays a lesson's reference solution
 * step by step, as a learner pressing "Show me" would, and prints each
 * task's verdict at the step's start (none should pass yet) and end (all should).
 */
import { sessionOpOf } from '../worker/lesson-runner';
import type { LessonStatus, SessionOp } from '../worker/protocol';
import { SimSession } from '../worker/session';
import type { Lesson } from '../lessons/schema';

export interface StepVerdict {
  step: number;
  title: string;
  /** Tasks already done when the step began (a lesson bug: nothing to do). */
  doneAtStart: string[];
  /** Tasks still not done after the solution (a lesson bug: the solution fails). */
  notDoneAtEnd: string[];
}

export interface SolveReport {
  text: string;
  steps: StepVerdict[];
  ok: boolean;
}

function describeOp(op: SessionOp): string {
  switch (op.op) {
    case 'run':
      return `$ ${op.line}`;
    case 'trace':
      return `> request from ${op.request.from}: ${op.request.url}`;
    case 'send':
      return `> ${op.count} requests from ${op.request.from}: ${op.request.url}`;
    case 'advance':
      return `> clock +${op.seconds}s`;
    case 'apply':
      return `> editor: ${op.yaml.split('\n').length} lines applied`;
    case 'edit':
      return `> kubectl edit's editor saved ${op.text.split('\n').length} lines`;
  }
}

function runOp(session: SimSession, op: SessionOp): string {
  switch (op.op) {
    case 'run': {
      const out = session.run(op.line).output;
      return out === '' || out.endsWith('\n') ? out : `${out}\n`;
    }
    case 'trace': {
      const t = session.trace(op.request).trace;
      return `${t.ok ? `answered by ${t.servedBy ?? 'no pod'}: ${t.result.trim().split('\n')[0]}` : t.result}\n`;
    }
    case 'send': {
      const r = session.sendMany(op.request, op.count);
      return `${[...r.perPod.map((p) => `${p.pod}: ${p.count}`), ...r.failures.map((f) => `${f.error}: ${f.count}`)].join('\n')}\n`;
    }
    case 'advance':
      session.advance(op.seconds);
      return '';
    case 'apply': {
      const r = session.applyYaml(op.yaml);
      return `${r.summary}\n`;
    }
    case 'edit': {
      const out = session.editSaved(op.text).output;
      return out === '' || out.endsWith('\n') ? out : `${out}\n`;
    }
  }
}

const mark = (s: LessonStatus) => s.tasks.map((t) => `  [${t.done ? 'x' : ' '}] ${t.title}\n`).join('');

export function solveLesson(text: string, file: string, session = new SimSession()): SolveReport {
  const opened = session.lessonOpen({ text, file, step: 0 });
  if (!opened.ok) {
    const lines = opened.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}\n`);
    return { text: lines.join(''), steps: [], ok: false };
  }
  const lesson: Lesson = opened.lesson;
  let out = `lesson ${lesson.id}: ${lesson.title}\n`;
  const steps: StepVerdict[] = [];
  lesson.steps.forEach((step, i) => {
    const atStart = i === 0 ? opened.status : session.lessonBegin(i)!;
    out += `\nstep ${i + 1}/${lesson.steps.length}: ${step.title}\n`;
    for (const lessonOp of step.solution) {
      const op = sessionOpOf(lessonOp, (t) => session.lessonFill(t));
      out += `${describeOp(op)}\n${runOp(session, op)}`;
      // The app checks after every action; a task met midway stays met.
      session.lessonStatus();
    }
    const atEnd = session.lessonStatus()!;
    out += mark(atEnd);
    const verdict: StepVerdict = {
      step: i,
      title: step.title,
      doneAtStart: atStart.tasks.filter((t) => t.done).map((t) => t.title),
      notDoneAtEnd: atEnd.tasks.filter((t) => !t.done).map((t) => t.title),
    };
    for (const t of verdict.doneAtStart) out += `  FAIL: already done when the step began: ${t}\n`;
    for (const t of verdict.notDoneAtEnd) out += `  FAIL: not done by the solution: ${t}\n`;
    steps.push(verdict);
  });
  const ok = steps.every((s) => s.doneAtStart.length === 0 && s.notDoneAtEnd.length === 0);
  out += `\n${ok ? 'solved' : 'FAILED'}: ${lesson.id}\n`;
  return { text: out, steps, ok };
}
