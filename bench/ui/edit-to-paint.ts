/**
 * Edit-to-paint: one keystroke in the editor (the first Service's port, 80 <-> 81)
 * until the canvas's Service card shows it and the next frame has painted.
 * Includes the editor's apply debounce, as the learner experiences it.
 */
import type { Browser } from '@playwright/test';
import { NO_WELCOME, serviceWorkerInstalled } from './scenarios';

/** url: the app, or a share link to a bigger scenario; the first `port: 80` in its YAML is the one edited, Service `service`'s. */
export async function editToPaint(browser: Browser, url: string, edits: number, service = 'web'): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(NO_WELCOME);
  const page = await context.newPage();
  await page.goto(url);
  const editor = page.getByRole('region', { name: 'Scenario YAML' });
  const lines = editor.locator('.monaco-editor .view-lines');
  await lines.waitFor({ timeout: 30_000 });
  await page.getByRole('region', { name: 'Cluster graph' }).getByText(/port 80 →/).first().waitFor({ timeout: 60_000 });
  await serviceWorkerInstalled(page);
  // Focus the editor's own input: a click on a 1,800-line scenario's lines can land on a fold or the scroll bar.
  await editor.getByRole('textbox', { name: 'Edit scenario' }).focus();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+F');
  await editor.getByRole('textbox', { name: 'Find' }).fill('port: 80');
  await editor.locator('.find-widget .matchesCount').filter({ hasText: /^1 of \d+/ }).waitFor({ state: 'attached' });
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');
  const out: number[] = [];
  for (let i = 0; i < edits; i++) {
    const digit = i % 2 === 0 ? '1' : '0';
    await page.keyboard.press('Shift+ArrowLeft');
    // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
    // `void`: evaluate would otherwise wait for the promise, before the key is pressed.
    await page.evaluate(`void (window.__edit = new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('the canvas did not show the edit within 10 s')), 10000);
      let t0 = 0;
      function onKey() {
        t0 = performance.now();
        window.removeEventListener('keydown', onKey, true);
      }
      window.addEventListener('keydown', onKey, true);
      const region = document.querySelector('[aria-label="Cluster graph"]');
      const obs = new MutationObserver(() => {
        const card = region.querySelector(${JSON.stringify(`[aria-label^="Service ${service} "]`)});
        if (!t0 || !card || !card.textContent.includes(${JSON.stringify(`port 8${digit} →`)})) return;
        obs.disconnect();
        // The frame after the change: rAF runs before paint, the message after it.
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now() - t0);
          ch.port2.postMessage(0);
        });
      });
      obs.observe(region, { subtree: true, childList: true, characterData: true });
    }))`);
    await page.keyboard.press(digit);
    out.push((await page.evaluate('window.__edit')) as number);
  }
  await context.close();
  return out;
}
