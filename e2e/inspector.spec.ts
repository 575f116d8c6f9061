// The hop inspector and the Node rules tab: the reply waits for the packet, the rule that
// decided a hop is marked in the inspector and in the node's full listing.
// Rule texts: iptables-save as k/k pkg/proxy/iptables/proxier_test.go prints a KUBE-SEP DNAT.
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('the reply and the passed badge show when the packet arrives, not at hop 1 (reduced motion too)', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const app = new AppPage(page);
  await app.open();
  await app.sendRequest();
  const items = app.hops.getByRole('listitem');
  await expect(items.first()).toBeVisible();
  // Back to the first hop, paused: the playback may already be hops further on a busy machine.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(items.first()).toHaveAttribute('aria-current', 'step');
  await expect(page.getByLabel('Reply body')).toHaveCount(0);
  const saved = page.getByRole('region', { name: 'Saved requests' });
  await expect(saved.getByRole('button', { name: /passed$/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByLabel('Reply body')).toHaveCount(0);
  // Stepping to the last hop brings the packet home.
  await items.last().getByRole('button').click();
  await expect(page.getByLabel('Reply body')).toHaveText(/^web-/);
  await expect(saved.getByRole('button', { name: /^client → web.*passed$/ })).toBeVisible();
});

test('the inspector says why first and marks the DNAT rule; Node rules follow the hop to its node', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.sendRequest();
  const dnat = app.hops.getByRole('listitem').filter({ hasText: /DNAT/ }).first();
  await dnat.getByRole('button').click();
  const node = (await dnat.getAttribute('data-from'))!.replace('kube-proxy:', '');
  const inspector = page.getByRole('region', { name: 'Hop inspector' });
  await expect(inspector.locator('.hop-detail > :first-child')).toContainText('Why:');
  const rules = inspector.getByRole('list', { name: 'Rules and records' });
  const marked = rules.locator('li[aria-current="true"]');
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText(/-j DNAT --to-destination 10\.244\.\d+\.\d+:9376$/);
  // A long rule wraps between tokens, never inside one.
  const chain = rules.locator('.rule-token').filter({ hasText: /^KUBE-SEP-/ }).first();
  const box = await chain.boundingBox();
  expect(box!.height).toBeLessThan(20);

  await page.getByRole('tab', { name: 'Node rules' }).click();
  await expect(page.getByRole('combobox', { name: 'Node', exact: true })).toHaveValue(node);
  const listing = page.getByLabel(`Proxy rules on ${node}`);
  const decided = listing.locator('.rules-line.is-decided');
  await expect(decided).toHaveCount(1);
  await expect(decided).toHaveText((await marked.textContent())!);
  await expect(listing.locator('.rules-line.is-path').filter({ hasText: / -j KUBE-SVC-/ })).toHaveCount(1);
  await expect(decided).toBeInViewport();

  // The DNS query's rules live on the client's node.
  await app.hops.getByRole('listitem').first().getByRole('button').click();
  await expect(page.getByLabel(/^Proxy rules on /).locator('.rules-line.is-decided')).toContainText('kube-system/kube-dns:dns');
});

test('keyboard only: through the editor, send a request, step the hops, see the reply', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editorReady();
  const inEditor = () => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
  await page.getByRole('button', { name: 'Lessons' }).focus();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await inEditor();
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(false);

  const url = page.getByRole('textbox', { name: 'URL' });
  for (let i = 0; i < 20 && !(await url.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(url).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('http://web/');
  await page.keyboard.press('Enter');
  const items = app.hops.getByRole('listitem');
  await expect(items.first()).toBeVisible();

  // On to the timeline: Home, then the arrows step hop by hop.
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  for (let i = 0; i < 150 && !(await timeline.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(timeline).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('ArrowRight');
  await expect(items.nth(1)).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('End');
  await expect(items.last()).toHaveAttribute('aria-current', 'step');
  await expect(page.getByLabel('Reply body')).toHaveText(/^web-/);

  // Shift+Tab back to the transport buttons: Step back moves one hop.
  const back = page.getByRole('button', { name: 'Step back' });
  for (let i = 0; i < 6 && !(await back.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(back).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(items.nth((await items.count()) - 2)).toHaveAttribute('aria-current', 'step');
});
