/**
 * Reads a lesson file: YAML, checked against the lesson schema, with every
 * problem given as file, field and line, so a teacher (or the build) sees
 * exactly what to fix. Never throws.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import { badPlaceholders, PLACEHOLDER_KINDS } from './placeholders';
import { lessonSchema, type Goal, type Lesson, type LessonChip, type LessonOp } from './schema';

export interface LessonProblem {
  file: string;
  /** The field's path: "steps[2].tasks[0].goal". Empty for the whole file. */
  field: string;
  /** 1-based line, 0 when unknown. */
  line: number;
  message: string;
}

export type ParsedLesson = { ok: true; lesson: Lesson } | { ok: false; problems: LessonProblem[] };

/** Anything bigger is no lesson; refusing it early keeps a hostile file cheap. */
export const MAX_LESSON_CHARS = 512 * 1024;

export function formatProblem(p: LessonProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

export function parseLesson(text: string, file = 'lesson.yaml'): ParsedLesson {
  if (text.length > MAX_LESSON_CHARS) return fail([{ file, field: '', line: 0, message: `the file is larger than ${MAX_LESSON_CHARS / 1024} KiB` }]);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    return fail([{ file, field: '', line: 0, message: (e as Error).message }]);
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length) {
    return fail(doc.errors.map((e) => ({ file, field: '', line: lineAt(e.pos[0]), message: firstLine(e.message) })));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return fail([{ file, field: '', line: 0, message: firstLine((e as Error).message) }]);
  }
  const result = lessonSchema().safeParse(data);
  if (!result.success) {
    return fail(result.error.issues.map((issue) => problemOf(issue, doc, lineAt, file)));
  }
  const more = [...checkPatterns(result.data, doc, lineAt, file), ...checkPlaceholders(result.data, doc, lineAt, file)];
  if (more.length) return fail(more);
  return { ok: true, lesson: result.data };
}

function fail(problems: LessonProblem[]): ParsedLesson {
  return { ok: false, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}

/** The line of the node at `path`, or of its closest parent written in the file. */
function lineOf(doc: Document.Parsed, path: readonly PropertyKey[], lineAt: (offset: number) => number): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return 0;
}

function problemOf(issue: $ZodIssue, doc: Document.Parsed, lineAt: (offset: number) => number, file: string): LessonProblem {
  const path = issue.path;
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_union') message = unionMessage(issue);
  return { file, field: fieldPath(path), line: lineOf(doc, path, lineAt), message };
}

/** A union (a goal, an op) failed: name the variants rather than zod's generic words. */
function unionMessage(issue: Extract<$ZodIssue, { code: 'invalid_union' }>): string {
  const keys = new Set<string>();
  for (const branch of issue.errors) {
    for (const sub of branch) if (sub.code === 'unrecognized_keys') sub.keys.forEach((k) => keys.add(k));
  }
  const inner = issue.errors.map((b) => b.find((s) => s.path.length > 0)).find((s) => s !== undefined);
  if (inner && issue.errors.some((b) => b.every((s) => s.code !== 'unrecognized_keys'))) {
    return `${fieldPath(inner.path)}: ${inner.message}`;
  }
  return keys.size ? `expected one of the known forms; unknown field${keys.size > 1 ? 's' : ''} ${[...keys].map((k) => `"${k}"`).join(', ')}` : 'expected one of the known forms';
}

/** Regular expressions in goals must compile: a broken one is the file's error, not the learner's. */
function checkPatterns(lesson: Lesson, doc: Document.Parsed, lineAt: (offset: number) => number, file: string): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const visit = (goal: Goal, path: (string | number)[]) => {
    const check = (value: string | undefined, key: string, group: string) => {
      if (value === undefined) return;
      try {
        new RegExp(value);
      } catch (e) {
        const p = [...path, group, key];
        problems.push({ file, field: fieldPath(p), line: lineOf(doc, p, lineAt), message: `not a valid regular expression: ${(e as Error).message}` });
      }
    };
    if ('command' in goal) {
      check(goal.command.line, 'line', 'command');
      check(goal.command.printed, 'printed', 'command');
    } else if ('rules' in goal) check(goal.rules.matches, 'matches', 'rules');
    else if ('all' in goal) goal.all.forEach((g, i) => visit(g, [...path, 'all', i]));
    else if ('any' in goal) goal.any.forEach((g, i) => visit(g, [...path, 'any', i]));
    else if ('not' in goal) visit(goal.not, [...path, 'not']);
  };
  lesson.steps.forEach((step, s) => step.tasks.forEach((task, t) => visit(task.goal, ['steps', s, 'tasks', t, 'goal'])));
  return problems;
}

/** Placeholders in chips and solutions must be ones the engine fills. */
function checkPlaceholders(lesson: Lesson, doc: Document.Parsed, lineAt: (offset: number) => number, file: string): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const check = (value: string, path: (string | number)[]) => {
    for (const bad of badPlaceholders(value)) {
      problems.push({ file, field: fieldPath(path), line: lineOf(doc, path, lineAt), message: `unknown placeholder ${bad} (known: ${PLACEHOLDER_KINDS.map((k) => `{{${k} ...}}`).join(', ')})` });
    }
  };
  lesson.steps.forEach((step, s) => {
    const ops: [LessonOp | LessonChip, (string | number)[]][] = [
      ...(step.chips ?? []).map((c, i): [LessonChip, (string | number)[]] => [c, ['steps', s, 'chips', i]]),
      ...step.solution.map((o, i): [LessonOp, (string | number)[]] => [o, ['steps', s, 'solution', i]]),
    ];
    for (const [op, path] of ops) {
      if ('run' in op) check(op.run, [...path, 'run']);
      else if ('request' in op) check(op.request.url, [...path, 'request', 'url']);
      else if ('send' in op) check(op.send.url, [...path, 'send', 'url']);
    }
  });
  return problems;
}
