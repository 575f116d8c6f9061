import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { exposeWeb, sendFrom } from './pages/scenario-edits';

test('the transport bar steps a NodePort request from the workstation hop by hop', async ({ page }) => {
  // The reply waits for the packet's last hop (a full playback) before the stepping starts.
  test.setTimeout(90_000);
  const app = new AppPage(page);
  await app.open();
  await exposeWeb(app, 'NodePort');
  await expect(page.getByRole('combobox', { name: 'From' }).locator('option', { hasText: 'workstation (outside the cluster)' })).toHaveCount(1);
  await sendFrom(app, 'workstation', 'http://172.18.0.3:30080/');
  await expect(page.getByLabel('Reply body')).toHaveText(/^web-/);

  const items = app.hops.getByRole('listitem');
  // The packet enters through a node: its first hop goes from the workstation to that node's kube-proxy.
  await expect(items.first()).toHaveAttribute('data-from', 'workstation');
  await expect(items.first()).toHaveAttribute('data-to', 'kube-proxy:kind-worker');
  const count = await items.count();
  expect(count).toBeGreaterThanOrEqual(4);

  await page.getByRole('button', { name: 'Pause' }).click({ timeout: 2000 }).catch(() => undefined);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(items.first()).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('button', { name: 'Step back' })).toBeDisabled();
  const narration = page.getByLabel('Hop narration');
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  for (let i = 1; i < count; i++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(items.nth(i)).toHaveAttribute('aria-current', 'step');
    await expect(timeline).toHaveAttribute('aria-valuenow', String(i + 1));
    await expect(narration).toHaveText(new RegExp(`^Hop ${i + 1} of ${count}: .+`));
  }
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeDisabled();
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(items.nth(count - 2)).toHaveAttribute('aria-current', 'step');

  // The timeline is a slider: Home and End jump to the ends; choosing a hop in the list jumps there too.
  await timeline.focus();
  await page.keyboard.press('Home');
  await expect(items.first()).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('End');
  await expect(items.last()).toHaveAttribute('aria-current', 'step');
  await items.nth(1).getByRole('button').click();
  await expect(timeline).toHaveAttribute('aria-valuenow', '2');

  // The hop inspector shows the rewrite: the destination changed, the rule that did it, and why.
  const dnat = items.filter({ hasText: /DNAT/ }).first();
  await dnat.getByRole('button').click();
  const inspector = page.getByRole('region', { name: 'Hop inspector' });
  await expect(inspector.locator('td.is-changed')).toContainText(/^10\.244\./);
  await expect(inspector.getByRole('list', { name: 'Rules and records' })).toContainText('30080');
  await expect(inspector).toContainText('Why:');

  // Play runs to the end at the chosen speed.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(items.last()).toHaveAttribute('aria-current', 'step', { timeout: 8000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});
