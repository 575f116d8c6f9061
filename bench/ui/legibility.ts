/**
 * The canvas at 1280x720: the smallest text on screen at the opening (fit)
 * zoom, and for a big scenario how long until the first graph is drawn
 * (navigation start to the last Service card in the DOM).
 */
import type { Browser, Page } from '@playwright/test';
import { canvasTextSizes, viewportSettled } from '../../e2e/pages/canvas-text';
import { median } from '../stats';
import { NO_WELCOME } from './scenarios';

const VIEWPORT = { width: 1280, height: 720 };

async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(NO_WELCOME);
  await page.goto(url);
  return page;
}

export async function smallestFont(browser: Browser, url: string, lastService: string): Promise<{ min: number; median: number }> {
  const page = await open(browser, url);
  await page.locator(`[aria-label^="Service ${lastService} "]`).waitFor({ state: 'attached', timeout: 60_000 });
  await viewportSettled(page);
  const sizes = await canvasTextSizes(page);
  await page.close();
  return { min: sizes.min, median: sizes.median };
}

/** Milliseconds from navigation start until the graph holds every Service card, median of runs. */
export async function firstGraph(browser: Browser, url: string, lastService: string, runs: number): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await open(browser, url);
    await page.locator(`[aria-label^="Service ${lastService} "]`).waitFor({ state: 'attached', timeout: 60_000 });
    // The frame that shows it: rAF runs before paint.
    all.push((await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(performance.now())))')) as number);
    await page.close();
  }
  return { median: median(all), all };
}
