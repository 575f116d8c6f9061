import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('embed mode shows the canvas, hops and a request bar, and opens the same view in the full app', async ({ page, context }) => {
  await page.goto('/?embed=1');
  const app = new AppPage(page);
  await expect(app.nodes()).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Scenario YAML' })).toHaveCount(0);
  await expect(app.terminalInput).toHaveCount(0);
  await app.sendRequest('http://web/');
  const hops = app.hops.getByRole('listitem');
  await expect(hops.nth(3)).toBeVisible();
  // At its last hop the packet is back: the full app shows the reply at once.
  await hops.last().getByRole('button').first().click();
  const last = (await hops.count()) - 1;

  const open = page.getByRole('link', { name: /Open in full app/ });
  await expect(open).toHaveAttribute('href', /#v2=/);
  await expect(open).not.toHaveAttribute('href', /embed=1/);
  const [full] = await Promise.all([context.waitForEvent('page'), open.click()]);
  const fullApp = new AppPage(full);
  await expect(full.getByRole('region', { name: 'Scenario YAML' })).toBeVisible();
  await expect(fullApp.hops.getByRole('listitem').nth(last)).toHaveAttribute('aria-current', 'step');
  await expect(full.getByLabel('Reply body')).toHaveText((await page.getByLabel('Reply body').textContent())!);
});
