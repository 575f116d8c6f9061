/**
 * UI budgets in headless Chromium against a production build: the smallest
 * canvas text at fit zoom at 1280x720 (default and 300 pods / 60 Services),
 * the big scenario's first graph, frame times with 50 packets in flight on it
 * (300 pods, 60 Services), and edit-to-paint (a keystroke in the editor until the
 * canvas shows it) for both scenarios. Prints `name: value`
 * lines; percentiles over many frames or edits, never a single timing.
 *
 *   npm run bench:ui
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build, preview } from 'vite';
import { editToPaint } from './edit-to-paint';
import { frameTimes } from './frame-time';
import { firstGraph, smallestFont } from './legibility';
import { percentile } from './percentile';
import { bigFragment } from './scenarios';

function chromiumPath(): string | undefined {
  const env = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (env && existsSync(env)) return env;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function main(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'bench-ui-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { port: 4199, strictPort: false, host: '127.0.0.1' } });
  const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4199/';
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS });
    const big = `${base}#${await bigFragment(300, 60)}`;
    const fonts = await smallestFont(browser, base, 'web');
    console.log(`ui-canvas-min-font-fit-1280x720-default-px: ${fonts.min.toFixed(1)}`);
    const bigFonts = await smallestFont(browser, big, 'app-59');
    console.log(`ui-canvas-min-font-fit-1280x720-300pods-60svc-px: ${bigFonts.min.toFixed(1)}`);
    // The default scenario's first graph is the floor under the big one's: the app's own start.
    const firstDefault = await firstGraph(browser, base, 'web', 3);
    console.log(`ui-first-graph-default-ms: ${firstDefault.median.toFixed(0)} (runs ${firstDefault.all.map((t) => t.toFixed(0)).join(', ')})`);
    const first = await firstGraph(browser, big, 'app-59', 3);
    console.log(`ui-first-graph-300pods-60svc-ms: ${first.median.toFixed(0)} (runs ${first.all.map((t) => t.toFixed(0)).join(', ')})`);
    const frames = await frameTimes(browser, base, { pods: 300, services: 60, packets: 50, runs: 3, seconds: 4 });
    console.log(`ui-frame-time-300pods-60svc-50-packets-p50-ms: ${percentile(frames.all, 50).toFixed(1)}`);
    console.log(`ui-frame-time-300pods-60svc-50-packets-p95-ms: ${percentile(frames.all, 95).toFixed(1)}`);
    console.log(`ui-frame-time-p95-median-of-runs-ms: ${frames.runP95Median.toFixed(1)}`);
    console.log(`ui-frame-count: ${frames.all.length}`);
    // A frame that took longer than one and a half display intervals (60 Hz) dropped at least one.
    const dropped = frames.all.filter((t) => t > 25).length;
    console.log(`ui-frame-dropped-percent: ${((100 * dropped) / Math.max(1, frames.all.length)).toFixed(1)}`);
    const edits = await editToPaint(browser, base, 30);
    console.log(`ui-edit-to-paint-p50-ms: ${percentile(edits, 50).toFixed(1)}`);
    console.log(`ui-edit-to-paint-p95-ms: ${percentile(edits, 95).toFixed(1)}`);
    console.log(`ui-edit-count: ${edits.length}`);
    const bigEdits = await editToPaint(browser, big, 20, 'app-0');
    console.log(`ui-edit-to-paint-300pods-60svc-p50-ms: ${percentile(bigEdits, 50).toFixed(1)}`);
    console.log(`ui-edit-to-paint-300pods-60svc-p95-ms: ${percentile(bigEdits, 95).toFixed(1)}`);
  } finally {
    await browser?.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    await rm(outDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
