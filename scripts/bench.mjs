/**
 * `npm run bench`: bundles bench/run.ts the way the app's worker is built (plain
 * esbuild output, no dev-time helpers such as tsx's function-name wrappers) and runs it,
 * so the figures are the core's as it ships.
 */
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const outfile = 'node_modules/.cache/bench/run.mjs';
await build({ entryPoints: ['bench/run.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
const run = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
process.exit(run.status ?? 1);
