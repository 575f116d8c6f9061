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

/**
 * Milliseconds from navigation start until the frame that first holds every Service card, median of runs.
 * Timed in the page (a MutationObserver, then the next animation frame): Playwright's own polling
 * backs off to 500 ms steps, which would be measured instead of the app.
 */
export async function firstGraph(browser: Browser, url: string, lastService: string, runs: number): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  const selector = JSON.stringify(`[aria-label^="Service ${lastService} "]`);
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.addInitScript(NO_WELCOME);
    // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
    await page.addInitScript(`new MutationObserver((_, obs) => {
      if (!document.querySelector(${selector})) return;
      obs.disconnect();
      requestAnimationFrame((t) => { window.__firstGraph = t; });
    }).observe(document, { subtree: true, childList: true });`);
    await page.goto(url);
    await page.waitForFunction(() => (window as { __firstGraph?: number }).__firstGraph !== undefined, null, { timeout: 60_000, polling: 100 });
    all.push((await page.evaluate('window.__firstGraph')) as number);
    await page.close();
  }
  return { median: median(all), all };
}
