import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

const background = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the theme follows the system by default, and the toggle switches and remembers it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const app = new AppPage(page);
  await app.open();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const theme = page.getByRole('button', { name: 'Theme' });
  await expect(theme).toHaveAttribute('aria-pressed', 'true');
  const dark = await background(page);

  await theme.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(theme).toHaveAttribute('aria-pressed', 'false');
  expect(await background(page)).not.toBe(dark);

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
});
