import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('presenter mode: large stage, captions, and the keyboard drives playback', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const present = page.getByRole('button', { name: 'Present', exact: true });
  await expect(present).toHaveAttribute('aria-pressed', 'false');
  await present.click();
  // The slim presenter bar replaces the top bar: its Exit button says the mode is on.
  await expect(page.getByRole('button', { name: 'Exit presenter mode (Esc)' })).toBeVisible();
  await expect(present).toHaveCount(0);
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
  await expect(page.locator('.presenter-bar')).toContainText(/Hop 2 of \d+/);

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

test('presenter bar at 1280x720: every control on screen, Exit and Fullscreen (F) by click', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new AppPage(page);
  await page.goto('/?present=1', { waitUntil: 'domcontentloaded' });
  await expect(app.nodes()).toHaveCount(3);
  await app.sendRequest('http://web/');
  await expect(app.hops.getByRole('listitem').nth(3)).toBeVisible();
  const bar = page.getByRole('banner');
  const names = ['Reset', 'Step back', /^(Play|Pause)$/, 'Step forward', 'Theme', 'Share', 'Fullscreen (F)', 'Exit presenter mode (Esc)'];
  for (const name of names) await expect(bar.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
  await expect(bar.getByRole('combobox', { name: 'Speed' })).toBeInViewport({ ratio: 1 });
  await expect(bar).toContainText(/Hop \d+ of \d+/);
  // The captions leave the canvas most of the height.
  const graph = await app.graph.boundingBox();
  expect(graph!.height).toBeGreaterThan(480);
  await expect(page.getByRole('region', { name: 'Captions' })).toBeInViewport({ ratio: 1 });
  await page.getByRole('button', { name: 'Fullscreen (F)' }).click();
  await expect(page.getByRole('button', { name: 'Fullscreen (F)' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: 'Fullscreen (F)' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Exit presenter mode (Esc)' }).click();
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toHaveAttribute('aria-pressed', 'false');
});
