/**
 * `npm run -s sim -- [--seed N] [--cluster CLUSTER.yaml] SCRIPT`: runs a
 * script through the same simulated shell as the browser terminal.
 * Exit 0 when the script ran to the end, 2 for bad usage or an unreadable file.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SimSession } from '../worker/session';
import { Simulation } from '../sim/simulation';
import { Shell } from '../shell/shell';
import { ClusterConfigError, defaultClusterConfig, parseClusterConfig, type ClusterConfig } from '../sim/scenario/cluster-config';
import { DEFAULT_SEED } from '../sim/scenario/default-scenario';
import { runTranscript } from './transcript';
import { readLessonFiles } from './lesson-files';
import { solveLesson } from './solve-lesson';
import { formatProblem } from '../lessons/parse-lesson';

const USAGE =
  'usage: npm run -s sim -- [--seed N] [--cluster CLUSTER.yaml] SCRIPT   (SCRIPT: a file, or - for stdin)\n' +
  '       npm run -s sim -- --lessons                      (the lessons, one a line: id, then title)\n' +
  '       npm run -s sim -- --lesson ID|FILE --solve       (replay its solution, check every task)\n';

function fail(message: string): never {
  process.stderr.write(message);
  process.exit(2);
}

function read(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    fail(`sim: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
  }
}

export type CliArgs =
  | { mode: 'script'; seed: number; cluster?: string; script: string }
  | { mode: 'lessons' }
  | { mode: 'solve'; lesson: string };

export function parseArgs(argv: string[]): CliArgs {
  let seed = DEFAULT_SEED;
  let cluster: string | undefined;
  let script: string | undefined;
  let lesson: string | undefined;
  let solve = false;
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lessons') list = true;
    else if (a === '--solve') solve = true;
    else if (a === '--lesson' || a.startsWith('--lesson=')) {
      lesson = a.includes('=') ? a.slice(9) : argv[++i];
      if (!lesson) fail(`sim: --lesson needs a lesson id or file\n${USAGE}`);
    } else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = a.includes('=') ? a.slice(7) : argv[++i];
      if (v === undefined || !/^\d+$/.test(v)) fail(`sim: --seed needs a whole number\n${USAGE}`);
      seed = Number(v);
    } else if (a === '--cluster' || a.startsWith('--cluster=')) {
      cluster = a.includes('=') ? a.slice(10) : argv[++i];
      if (!cluster) fail(`sim: --cluster needs a file\n${USAGE}`);
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (a.startsWith('-') && a !== '-') {
      fail(`sim: unknown option ${a}\n${USAGE}`);
    } else if (script === undefined) script = a;
    else fail(`sim: one script at a time\n${USAGE}`);
  }
  if (list) return { mode: 'lessons' };
  if (lesson !== undefined) {
    if (!solve) fail(`sim: --lesson goes with --solve\n${USAGE}`);
    return { mode: 'solve', lesson };
  }
  if (script === undefined) fail(USAGE);
  return { mode: 'script', seed, ...(cluster ? { cluster } : {}), script };
}

/**
 * A session as `npm run sim` runs it: the given cluster and seed, and a shell
 * whose relative paths (kubectl apply -f app.yaml) resolve against baseDir,
 * the script's folder. The golden transcript test uses the same.
 */
export function createCliSession(config: ClusterConfig, seed: number, baseDir: string): SimSession {
  const session = new SimSession();
  session.sim = new Simulation(config, seed);
  session.shell = new Shell(session.sim, {
    readFile: (path) => {
      try {
        return readFileSync(resolve(baseDir, path), 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir: (path) => {
      try {
        return readdirSync(resolve(baseDir, path)).sort();
      } catch {
        return undefined;
      }
    },
  });
  return session;
}

function listLessons(): void {
  const files = readLessonFiles();
  const lessons = files.flatMap((f) => (f.parsed.ok ? [f.parsed.lesson] : []));
  for (const f of files) if (!f.parsed.ok) process.stderr.write(f.parsed.problems.map((p) => `${formatProblem(p)}\n`).join(''));
  lessons.sort((a, b) => a.order - b.order);
  const width = Math.max(0, ...lessons.map((l) => l.id.length));
  process.stdout.write(lessons.map((l) => `${l.id.padEnd(width)}  ${l.title}\n`).join(''));
  if (lessons.length !== files.length) process.exit(1);
}

function solve(ref: string): void {
  const builtIn = existsSync(ref) ? undefined : readLessonFiles().find((f) => f.parsed.ok && f.parsed.lesson.id === ref);
  if (!builtIn && !existsSync(ref)) fail(`sim: no lesson "${ref}" (see npm run -s sim -- --lessons)\n`);
  const report = builtIn ? solveLesson(builtIn.text, builtIn.file) : solveLesson(read(ref), ref);
  process.stdout.write(report.text);
  process.exit(report.ok ? 0 : 1);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.mode === 'lessons') return listLessons();
  if (args.mode === 'solve') return solve(args.lesson);
  let config = defaultClusterConfig();
  if (args.cluster) {
    try {
      config = parseClusterConfig(read(args.cluster));
    } catch (e) {
      if (e instanceof ClusterConfigError) fail(`sim: ${args.cluster}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
      throw e;
    }
  }
  const script = read(args.script);
  const base = args.script === '-' ? process.cwd() : dirname(resolve(args.script));
  process.stdout.write(runTranscript(createCliSession(config, args.seed, base), script));
}

/** Run only as the entry point, so tests can import createCliSession. */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) main();
