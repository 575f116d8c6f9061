/** A keyboard user reaches the YAML editor with Tab and leaves it with Tab: never trapped. */
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

const inEditor = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));

test('Tab reaches the editor, the hint says Tab leaves it, and Tab does', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editorReady();
  await page.getByRole('button', { name: 'Lessons' }).focus();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await inEditor(page);
  }
  expect(reached).toBe(true);
  await expect(app.editor.getByText('Tab leaves the editor')).toBeVisible();
  const before = await page.evaluate(() => document.querySelector('.monaco-editor .view-lines')?.textContent);
  await page.keyboard.press('Tab');
  expect(await inEditor(page)).toBe(false);
  // Nothing was indented on the way out.
  expect(await page.evaluate(() => document.querySelector('.monaco-editor .view-lines')?.textContent)).toBe(before);
  // A click into the text gives Tab back to indenting.
  await (await app.editorReady()).click();
  await expect(app.editor.getByText('edits apply as you type')).toBeVisible();
});
