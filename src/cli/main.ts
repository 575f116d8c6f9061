/**
 * `npm run -s sim -- [--seed N] [--cluster CLUSTER.yaml] SCRIPT`: runs a
 * script through the same simulated shell as the browser terminal.
 * Exit 0 when the script ran to the end, 2 for bad usage or an unreadable file.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SimSession } from '../worker/session';
import { Simulation } from '../sim/simulation';
import { Shell } from '../shell/shell';
import { ClusterConfigError, defaultClusterConfig, parseClusterConfig, type ClusterConfig } from '../sim/scenario/cluster-config';
import { DEFAULT_SEED } from '../sim/scenario/default-scenario';
import { runTranscript } from './transcript';

const USAGE = 'usage: npm run -s sim -- [--seed N] [--cluster CLUSTER.yaml] SCRIPT   (SCRIPT: a file, or - for stdin)\n';

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

export function parseArgs(argv: string[]): { seed: number; cluster?: string; script: string } {
  let seed = DEFAULT_SEED;
  let cluster: string | undefined;
  let script: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seed' || a.startsWith('--seed=')) {
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
  if (script === undefined) fail(USAGE);
  return { seed, cluster, script };
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
  });
  return session;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
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
