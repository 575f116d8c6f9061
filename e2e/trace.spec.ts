import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('sending a request lists its hops through CoreDNS and a DNAT, and shows the reply', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.sendRequest('http://web/');

  const items = app.hops.getByRole('listitem');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThanOrEqual(4);
  await expect(items.filter({ hasText: /CoreDNS/ }).first()).toBeVisible();
  await expect(items.filter({ hasText: /DNAT/ }).first()).toBeVisible();

  const reply = page.getByLabel('Reply body');
  await expect(reply).toHaveText(/^web-/);
  const servedBy = (await reply.textContent())!.trim();
  await expect(app.graph.getByRole('img', { name: new RegExp(`^Pod ${servedBy} `) })).toBeVisible();

  // The packet is drawn on the canvas, and a hop can be opened to see what decided it.
  await expect(app.graph.locator('.packet')).toHaveCount(1);
  const dnat = items.filter({ hasText: /DNAT/ }).first();
  await dnat.getByRole('button').click();
  await expect(dnat).toHaveAttribute('aria-current', 'step');
  const inspector = page.getByRole('region', { name: 'Hop inspector' });
  await expect(inspector.getByRole('list', { name: 'Rules and records' })).toBeVisible();
  await expect(inspector).toContainText('Why:');
});

test('with reduced motion the packet still lands on each hop', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const app = new AppPage(page);
  await app.open();
  await app.sendRequest();
  await expect(app.hops.getByRole('listitem').first()).toBeVisible();
  await expect(app.graph.locator('.packet')).toHaveCount(1);
  await page.getByRole('button', { name: 'Pause' }).click({ timeout: 2000 }).catch(() => undefined);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(app.hops.getByRole('listitem').nth(1)).toHaveAttribute('aria-current', 'step');
});
