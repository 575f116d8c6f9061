/**
 * The embed a teacher pastes into a page: the Share panel's iframe snippet,
 * rendered as a host page would render it, keeps its playback controls and
 * the hop caption inside the frame (800x500 and 480x320); the URL options
 * (hop, autoplay, controls, theme) do what the snippet says.
 */
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

/** The snippet the Share panel gives for this view, with the chosen size. */
async function embedSnippet(page: Page, size: string, options: { autoplay?: boolean; theme?: string } = {}): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  await page.getByRole('combobox', { name: 'Size' }).selectOption({ label: size });
  if (options.autoplay) await page.getByRole('checkbox', { name: 'Autoplay' }).check();
  if (options.theme) await page.getByRole('combobox', { name: 'Theme', exact: true }).selectOption(options.theme);
  return page.getByRole('textbox', { name: /Embed code/ }).inputValue();
}

/** `inner` lies wholly inside the iframe's box on the host page. */
async function expectInsideFrame(frame: Locator, inner: Locator): Promise<void> {
  const f = (await frame.boundingBox())!;
  const b = (await inner.boundingBox())!;
  expect(b, 'control inside the frame').toBeTruthy();
  expect(b.x).toBeGreaterThanOrEqual(f.x - 0.5);
  expect(b.y).toBeGreaterThanOrEqual(f.y - 0.5);
  expect(b.x + b.width).toBeLessThanOrEqual(f.x + f.width + 0.5);
  expect(b.y + b.height).toBeLessThanOrEqual(f.y + f.height + 0.5);
}

async function expectControlsInside(page: Page, frame: FrameLocator): Promise<void> {
  const box = page.locator('iframe');
  for (const name of ['Reset', 'Step back', /^(Play|Pause)$/, 'Step forward']) await expectInsideFrame(box, frame.getByRole('button', { name }));
  await expectInsideFrame(box, frame.getByRole('region', { name: 'Hop caption' }));
  await expectInsideFrame(box, frame.getByRole('link', { name: /Open in full app/ }));
}

for (const [size, width, height] of [['800 × 500', 800, 500], ['480 × 320', 480, 320]] as const) {
  test(`the Share panel's embed snippet at ${width}x${height} keeps play/step and the hop caption inside the frame`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.sendRequest('http://web/');
    const hops = app.hops.getByRole('listitem');
    await expect(hops.nth(3)).toBeVisible();
    await hops.nth(2).getByRole('button').first().click();
    const snippet = await embedSnippet(page, size);
    // README.md ("Offline, Content-Security-Policy, embedding") gives the sandbox flags.
    expect(snippet).toContain('sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox"');
    expect(snippet).toContain(`width="${width}" height="${height}"`);
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toMatch(/src="[^"]*\?embed=1&amp;hop=3#v2=/);

    await page.setContent(`<!doctype html><title>host</title><body style="margin:20px">${snippet}</body>`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('region', { name: 'Hop caption' })).toContainText(/Hop 3 of \d+/);
    await expectControlsInside(page, frame);
    await frame.getByRole('button', { name: 'Step forward' }).click();
    await expect(frame.getByRole('region', { name: 'Hop caption' })).toContainText(/Hop 4 of \d+/);
  });
}

test('a narrow embed shows the hops behind a tab', async ({ page }) => {
  await page.setViewportSize({ width: 480, height: 320 });
  await page.goto('/?embed=1&hop=2');
  const hopTab = page.getByRole('tab', { name: 'Hops' });
  await expect(page.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Hop caption' })).toContainText(/Hop 2 of \d+/);
  await hopTab.click();
  await expect(page.getByRole('list', { name: 'Packet hops' }).getByRole('listitem').nth(1)).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('button', { name: 'Send request' })).toBeVisible();
});

test('embed URL options: theme, controls=0, autoplay, and the full-app link drops the embed-only ones', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto('/?embed=1&hop=3&controls=0&theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('region', { name: 'Hop caption' })).toContainText(/Hop 3 of \d+/);
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send request' })).toHaveCount(0);
  const open = page.getByRole('link', { name: /Open in full app/ });
  await expect(open).toHaveAttribute('href', /#v2=/);
  await expect(open).not.toHaveAttribute('href', /[?&](embed|hop|autoplay|controls|theme)=/);

  await page.goto('/?embed=1&autoplay=1&hop=bogus&theme=purple');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Hop caption' })).toContainText(/Hop [2-9] of \d+/);
});
