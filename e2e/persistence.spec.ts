import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('the edited scenario survives a reload, and Reset brings back the default', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.replaceInEditor('replicas: 3', 'replicas: 4');
  await expect(app.webPods()).toHaveCount(4);
  await page.waitForTimeout(800); // the save is debounced
  await page.reload();
  await expect(app.webPods()).toHaveCount(4);
  await expect(app.editor.locator('.view-lines')).toContainText('replicas: 4');

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset to default scenario' }).click();
  await expect(app.webPods()).toHaveCount(3);
  await expect(app.editor.locator('.view-lines')).toContainText('replicas: 3');
  await page.waitForTimeout(800);
  await page.reload();
  await expect(app.webPods()).toHaveCount(3);
});

test('a share link in the URL wins over the saved work', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await app.replaceInEditor('replicas: 3', 'replicas: 4');
  await expect(app.webPods()).toHaveCount(4);
  await page.waitForTimeout(800);
  const other = await context.newPage();
  await other.goto(url);
  await expect(new AppPage(other).webPods()).toHaveCount(3);
});
