/** Edits to the default scenario that the packet-journey specs share, typed as a learner would. */
import { expect } from '@playwright/test';
import type { AppPage } from './app-page';

/**
 * Makes the default scenario's Service web a NodePort or LoadBalancer Service
 * with nodePort 30080. Monaco keeps the previous line's indent on Enter, and
 * Backspace goes back one indent level.
 */
export async function exposeWeb(app: AppPage, type: 'NodePort' | 'LoadBalancer', nodePort = 30080): Promise<void> {
  const { page } = app;
  await app.replaceInEditor('targetPort: 9376', 'targetPort: 9376');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`nodePort: ${nodePort}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(`type: ${type}`);
  await expect(app.graph.getByRole('img', { name: `NodePort ${nodePort} on kind-worker`, exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^✓ applied/ })).toBeVisible();
}

export async function sendFrom(app: AppPage, from: string, url: string): Promise<void> {
  await app.page.getByRole('combobox', { name: 'From' }).selectOption(from);
  await app.sendRequest(url);
}
