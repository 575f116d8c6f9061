#!/usr/bin/env node
// Build budget: the JavaScript the page needs before the canvas is
// interactive (the entry and its static imports; Monaco and other lazy
// chunks excluded) must stay at or under 200 KB gzip. Fails the build past it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const dist = join(process.cwd(), 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]);

const seen = new Set();
function visit(path) {
  const clean = path.replace(/^\//, '').replace(/^\.\//, '');
  if (seen.has(clean)) return;
  seen.add(clean);
  const code = readFileSync(join(dist, clean), 'utf8');
  // Static imports only: `import ... from "./x.js"` and bare `import "./x.js"`, not import().
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    visit(join(clean, '..', m[1]));
  }
}
for (const e of entries) visit(e);
let total = 0;
for (const f of seen) total += gzipSync(readFileSync(join(dist, f))).length;
const kb = total / 1024;
console.log(`first-load JS: ${kb.toFixed(1)} KB gzip in ${seen.size} file(s) (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error(`Budget exceeded: ${kb.toFixed(1)} KB > ${BUDGET_KB} KB gzip before the canvas is interactive.`);
  process.exit(1);
}
