/**
 * A hostile replica count typed into the editor: the page stays responsive,
 * the simulator's limit is said where it bites, the canvas draws what it can
 * and counts the rest, and a reload (with that text saved) starts again.
 */
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('replicas: 100000 in the editor leaves the page responsive, says the limit, and a reload starts', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new AppPage(page);
  await app.open();
  await app.replaceInEditor('replicas: 3', 'replicas: 100000');
  await expect(page.getByRole('status').filter({ hasText: /at most 10000 pods/ })).toBeVisible({ timeout: 30_000 });
  // The main thread answers at once: the terminal runs a command while the cluster is huge.
  await app.run('kubectl get deploy web');
  await expect(app.terminalOutput).toContainText(/web\s+\d+\/100000/);
  // The canvas draws a bounded number of pods (24 a node, 24 more waiting for a node, of 10,000) and says how many it leaves out.
  expect(await app.webPods().count()).toBeLessThanOrEqual(4 * 24 + 8);
  await expect(app.graph.getByText(/more pods not drawn/).first()).toBeVisible();
  await page.reload();
  await expect(app.nodes()).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /at most 10000 pods/ })).toBeVisible({ timeout: 30_000 });
});
