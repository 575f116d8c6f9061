import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('the canvas exports as SVG and as PNG', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();

  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
  expect(svgDownload.suggestedFilename()).toBe('cluster.svg');
  const svg = await readFile((await svgDownload.path())!, 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('<foreignObject');
  expect(svg).toContain('kind-worker2');
  // The zoom buttons are chrome, not part of the picture.
  expect(svg).not.toMatch(/class="[^"]*react-flow__controls/);

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(pngDownload.suggestedFilename()).toBe('cluster.png');
  const png = await readFile((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Width and height from the IHDR chunk: the canvas at twice its size.
  expect(png.readUInt32BE(16)).toBeGreaterThan(600);
  expect(png.length).toBeGreaterThan(20_000);
  await expect(page.getByRole('alert').filter({ hasText: 'Export failed' })).toHaveCount(0);
});
