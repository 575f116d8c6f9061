import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('presenter mode: large stage, captions, and the keyboard drives playback', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const present = page.getByRole('button', { name: 'Present' });
  await expect(present).toHaveAttribute('aria-pressed', 'false');
  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Scenario YAML' })).toHaveCount(0);
  const captions = page.getByRole('region', { name: 'Captions' });
  await expect(captions).toBeVisible();

  await app.sendRequest('http://web/');
  const hops = app.hops.getByRole('listitem');
  await expect(hops.nth(3)).toBeVisible();
  await page.keyboard.press('Home');
  await expect(hops.nth(0)).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(hops.nth(2)).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('ArrowLeft');
  await expect(hops.nth(1)).toHaveAttribute('aria-current', 'step');
  await expect(captions).toContainText('2/');

  const speed = page.getByRole('combobox', { name: 'Speed' });
  await expect(speed).toHaveValue('1');
  await page.keyboard.press('+');
  await expect(speed).toHaveValue('2');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(speed).toHaveValue('0.5');

  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // Esc leaves presenter mode, as a projector user expects.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Scenario YAML' })).toBeVisible();
  await expect(captions).toHaveCount(0);
  await expect(present).toHaveAttribute('aria-pressed', 'false');
});
