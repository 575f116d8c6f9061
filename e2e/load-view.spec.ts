import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('Send 100 counts the answers on each pod and charts the spread; the proxy mode switch reloads the cluster', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Send 100' }).click();
  const chart = page.getByRole('figure', { name: 'Load spread' });
  await expect(chart).toContainText('100 requests · iptables · affinity None');
  await expect(chart.getByRole('listitem')).toHaveCount(3);

  const badges = app.graph.locator('.pod__count');
  await expect(badges).toHaveCount(3);
  const counts = (await badges.allTextContents()).map(Number);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
  for (const c of counts) expect(c).toBeGreaterThan(0);

  // Another count, in IPVS mode (round robin: an even spread).
  const modes = page.getByRole('radiogroup', { name: 'kube-proxy mode' });
  await modes.getByRole('radio', { name: 'IPVS' }).click();
  await expect(modes.getByRole('radio', { name: 'IPVS' })).toHaveAttribute('aria-checked', 'true');
  await expect(chart).toHaveCount(0);
  await expect(app.webPods()).toHaveCount(3);
  await page.getByRole('spinbutton', { name: 'Count' }).fill('30');
  await page.getByRole('button', { name: 'Send 30' }).click();
  await expect(chart).toContainText('30 requests · ipvs · affinity None');
  expect((await badges.allTextContents()).map(Number)).toEqual([10, 10, 10]);
});

test('the clock lets terminating pods finish: scaling down fades a pod out after its grace period', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(page.getByRole('timer')).toHaveText('t = 0s');
  await app.replaceInEditor('replicas: 3', 'replicas: 2');
  await expect(app.graph.locator('.pod--terminating')).toHaveCount(1);
  await expect(app.webPods()).toHaveCount(3);
  await page.getByRole('button', { name: 'Advance 30 seconds' }).click();
  await expect(page.getByRole('timer')).toHaveText(/t = 3\ds/);
  await expect(app.webPods()).toHaveCount(2);
  await expect(app.graph.locator('.react-flow__edge.endpoint-edge')).toHaveCount(2);
});
