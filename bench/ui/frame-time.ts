/**
 * Frame times with many packets in flight: opens the big scenario (300 pods, 60 Services) through
 * a share link, starts the packets through the bench hook (?bench=1), and
 * records requestAnimationFrame intervals.
 */
import type { Browser } from '@playwright/test';
import { bigClusterConfig, bigClusterYaml } from '../big-cluster';
import { encodeFragment } from '../../src/share/share-link';
import { median } from '../stats';
import { percentile } from './percentile';
import { NO_WELCOME, serviceWorkerInstalled } from './scenarios';

interface Options {
  pods: number;
  services: number;
  packets: number;
  runs: number;
  seconds: number;
}

export async function frameTimes(browser: Browser, base: string, o: Options): Promise<{ all: number[]; runP95Median: number }> {
  const services = o.services;
  const fragment = await encodeFragment({
    scenario: { yaml: bigClusterYaml(services, o.pods / services), clusterConfig: bigClusterConfig(4), seed: 1 },
    savedRequests: [],
    request: null,
    hop: -1,
    view: { selected: null, presenter: false, theme: 'light', tableView: false },
  });
  const all: number[] = [];
  const p95s: number[] = [];
  for (let run = 0; run < o.runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(NO_WELCOME);
    await page.goto(`${base}?bench=1#${fragment}`);
    // The snapshot carries at most 24 of the learner's pods a node (SNAPSHOT_LIMITS in src/sim/view/build-snapshot.ts): four workers draw 96.
    const drawn = Math.min(o.pods, 4 * 24);
    await page.waitForFunction((n) => document.querySelectorAll('[aria-label^="Pod app-"]').length >= n, drawn, { timeout: 60_000 });
    await page.waitForFunction(() => !!window.__uiBench, null, { timeout: 10_000 });
    await serviceWorkerInstalled(page);
    await page.evaluate((n) => window.__uiBench!.startPackets(n), o.packets);
    await page.waitForFunction((n) => document.querySelectorAll('.react-flow__viewport > .packet').length >= n, o.packets);
    await page.waitForTimeout(500);
    // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
    const deltas = (await page.evaluate(`new Promise((resolve) => {
      const out = [];
      let last = performance.now();
      const end = last + ${o.seconds * 1000};
      function tick(t) {
        out.push(t - last);
        last = t;
        if (t < end) requestAnimationFrame(tick);
        else resolve(out.slice(1));
      }
      requestAnimationFrame(tick);
    })`)) as number[];
    all.push(...deltas);
    p95s.push(percentile(deltas, 95));
    await page.close();
  }
  return { all, runP95Median: median(p95s) };
}
