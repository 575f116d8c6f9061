import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('table view shows the topology and the hops as tables', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.sendRequest('http://web/');
  const hopCount = await (async () => {
    await expect(app.hops.getByRole('listitem').nth(3)).toBeVisible();
    return app.hops.getByRole('listitem').count();
  })();
  const toggle = page.getByRole('button', { name: 'Table view' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(app.graph).toHaveCount(0);

  const hopsTable = page.getByRole('table', { name: /^Hops of http:\/\/web\// });
  await expect(hopsTable.getByRole('row')).toHaveCount(hopCount + 1);
  await expect(hopsTable.getByRole('columnheader')).toHaveText(['#', 'Actor', 'In', 'Out', 'Decided by', 'Why']);
  await expect(hopsTable.getByRole('row').filter({ hasText: 'DNAT' }).first()).toBeVisible();

  const pods = page.getByRole('table', { name: /^Pods/ });
  await expect(pods.getByRole('row', { name: /^web-/ })).toHaveCount(3);
  await expect(pods.getByRole('row', { name: /^web-/ }).first()).toContainText(/10\.244\.\d+\.\d+/);
  await expect(page.getByRole('table', { name: /^Services/ }).getByRole('row', { name: /^web / })).toContainText('80→9376/TCP');
  await expect(page.getByRole('table', { name: /^Nodes/ }).getByRole('row')).toHaveCount(4);

  await toggle.click();
  await expect(app.graph).toBeVisible();
});
