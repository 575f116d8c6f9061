#!/usr/bin/env node
// The whole check, in order: typecheck, lint, unit tests, production build
// (with its budget), end-to-end tests in Chromium. Ends with one plain
// "N passed, N failed" line summing the unit and end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
for (const f of ['reports/unit.json', 'reports/e2e.json']) rmSync(f, { force: true });

const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json']],
  ['build', 'npm', ['run', '-s', 'build']],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
];

const failedSteps = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  if (r.status !== 0) {
    failedSteps.push(name);
    if (name === 'build') break; // nothing to test end to end without a build
  }
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}
const unit = readJson('reports/unit.json');
const e2e = readJson('reports/e2e.json');
const passed = (unit?.numPassedTests ?? 0) + (e2e ? e2e.stats.expected + e2e.stats.flaky : 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0);
console.log(`\nunit: ${unit ? `${unit.numPassedTests} passed, ${unit.numFailedTests} failed` : 'no report'}; end-to-end: ${e2e ? `${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed, ${e2e.stats.flaky} flaky` : 'no report'}`);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed + (failedSteps.length && failed === 0 ? 1 : 0)} failed`);
process.exit(failedSteps.length ? 1 : 0);
