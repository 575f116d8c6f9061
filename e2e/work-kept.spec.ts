import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

const notice = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

test('opening a share link keeps the saved work, and "Restore my previous work" brings it back', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.getByRole('button', { name: 'Share' }).click();
  await app.replaceInEditor('replicas: 3', 'replicas: 4');
  await expect(app.webPods()).toHaveCount(4);
  await page.waitForTimeout(800); // the save is debounced

  await page.goto(link);
  await expect(app.webPods()).toHaveCount(3);
  await expect(notice(page, 'You opened a shared scenario. Your own work was kept aside.')).toBeVisible();
  await page.getByRole('button', { name: 'Restore my previous work' }).click();
  await expect(app.webPods()).toHaveCount(4);
  await expect(app.editor.locator('.view-lines')).toContainText('replicas: 4');
  // The restore can be undone: the shared scenario was kept in turn.
  await expect(notice(page, 'Your previous work is back.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.webPods()).toHaveCount(3);
});

test('two tabs do not overwrite each other silently', async ({ page, context }) => {
  const a = new AppPage(page);
  await a.open();
  const other = await context.newPage();
  const b = new AppPage(other);
  await b.open();
  await a.replaceInEditor('replicas: 3', 'replicas: 4');
  await expect(a.webPods()).toHaveCount(4);
  // Tab B hears of tab A's save, stops saving and asks.
  await expect(notice(other, 'also open in another tab')).toBeVisible();
  await expect(notice(other, 'Not saving: another tab saved different work.')).toBeVisible();
  await other.getByRole('button', { name: 'Open the other tab’s work' }).click();
  await expect(b.webPods()).toHaveCount(4);
  await expect(notice(other, 'Not saving')).toHaveCount(0);
});

test('a scenario too big to keep is said in the status line', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new AppPage(page);
  await app.open();
  const lines = await app.editorReady();
  await lines.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  // Pasted: Monaco takes typed text of this size far too slowly.
  await page.evaluate(() => navigator.clipboard.writeText(`# ${'x'.repeat(78)}\n`.repeat(3400)));
  await page.keyboard.press('ControlOrMeta+V');
  await expect(notice(page, /^⚠ Not saved: the scenario is 2\d\d KiB, over the 256 KiB this browser keeps\./)).toBeVisible({ timeout: 15_000 });
});

test('full storage is said in the status line', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.endsWith(':work')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const app = new AppPage(page);
  await app.open();
  await app.replaceInEditor('replicas: 3', 'replicas: 4');
  await expect(notice(page, "Not saved: the browser's storage for this page is full. Your edits stay in this tab only.")).toBeVisible();
});
