#!/usr/bin/env node
// The import rules of ../shared/architecture.md, enforced: the core imports
// nothing of the project but itself, the shell only the core, the UI only the
// worker client and the core's types (plus the default scenario's text).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

const LAYERS = {
  sim: { project: ['sim'], packages: ['yaml'] },
  shell: { project: ['sim', 'shell'], packages: ['yaml'] },
  worker: { project: ['sim', 'shell', 'worker', 'lessons'], packages: ['comlink'] },
  cli: { project: ['sim', 'shell', 'worker', 'lessons', 'cli'], packages: ['node:'] },
  share: { project: ['sim', 'share', 'worker'], packages: [] },
  lessons: { project: ['sim', 'lessons'], packages: ['yaml', 'zod'] },
  ui: { project: ['ui', 'worker', 'lessons', 'share', 'sim'], packages: ['*'] },
};
// What the UI may take from the core at run time (everything else: `import type` only).
const UI_VALUE_IMPORTS_FROM_SIM = ['sim/scenario/default-scenario'];
const UI_ALLOWED_WORKER = ['worker/client', 'worker/protocol', 'worker/sim.worker'];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const problems = [];
const importRe = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
for (const file of files(src)) {
  const rel = relative(src, file);
  const layer = rel.split('/')[0];
  const rules = LAYERS[layer];
  if (!rules) continue;
  const isTest = /\.test\.tsx?$/.test(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(importRe)) {
    const typeOnly = Boolean(m[2]);
    const spec = m[3] ?? m[4];
    if (spec.startsWith('.')) {
      const target = relative(src, resolve(dirname(file), spec));
      const targetLayer = target.split('/')[0];
      if (!rules.project.includes(targetLayer) && !(isTest && layer !== 'ui')) {
        problems.push(`${rel}: ${layer} may not import ${target}`);
      }
      if (layer === 'ui' && !isTest && targetLayer === 'sim' && !typeOnly && !UI_VALUE_IMPORTS_FROM_SIM.includes(target.replace(/\.tsx?$/, ''))) {
        problems.push(`${rel}: the UI may import only types from the core, not ${target}`);
      }
      if (layer === 'ui' && targetLayer === 'worker' && !UI_ALLOWED_WORKER.includes(target.replace(/\.tsx?$/, ''))) {
        problems.push(`${rel}: the UI talks to the core through worker/client only, not ${target}`);
      }
    } else if (!rules.packages.includes('*') && !isTest) {
      const ok = rules.packages.some((p) => spec === p || spec.startsWith(p.endsWith(':') ? p : `${p}/`));
      if (!ok) problems.push(`${rel}: ${layer} may not import the package ${spec}`);
    }
  }
}
if (problems.length) {
  console.error(`Import rules broken (see ../shared/architecture.md):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('import rules: ok');
