/** The scenarios the UI bench opens, as share-link fragments. */
import type { Page } from '@playwright/test';
import { encodeFragment } from '../../src/share/share-link';
import { bigClusterConfig, bigClusterYaml } from '../big-cluster';

/** N Services of pods/N pods each on a control-plane and four workers. */
export function bigFragment(pods: number, services: number): Promise<string> {
  return encodeFragment({
    scenario: { yaml: bigClusterYaml(services, pods / services), clusterConfig: bigClusterConfig(4), seed: 1 },
    savedRequests: [],
    request: null,
    hop: -1,
    view: { selected: null, presenter: false, theme: 'light', tableView: false },
  });
}

/** A returning visitor: the lessons' first-visit offer would cover the editor and the canvas (as playwright.config.ts's storageState). */
export const NO_WELCOME = `localStorage.setItem('k8s-services-seen-from-inside:lessons', JSON.stringify({ lessons: {}, current: null, welcomed: true }))`;

/**
 * Steady state: the service worker (registered once the first graph is on screen) has
 * installed. Its one-time install downloads and compiles the precache (a few MB) on a
 * first visit, which is not what frame and edit timings are about.
 */
export async function serviceWorkerInstalled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}
