#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests, installing Debian's when none is
// there (Playwright cannot download its own browsers on these machines).
// Order: $PLAYWRIGHT_CHROMIUM_PATH, /usr/bin/chromium, then apt-get.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
if (fromEnv && existsSync(fromEnv)) process.exit(0);
if (existsSync('/usr/bin/chromium')) process.exit(0);

console.log('No Chromium found: installing Debian\'s chromium with apt-get...');
const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
} catch {
  console.error('Could not install chromium. Install it (apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_PATH.');
  process.exit(1);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('apt-get finished but /usr/bin/chromium is missing.');
  process.exit(1);
}
