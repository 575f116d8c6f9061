/**
 * The layouts as people see them: a PNG per screen size and mode, kept under
 * reports/screens/ (Playwright empties test-results/ at each run; reports/
 * survives), each checked for its key controls lying inside the viewport.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

const DIR = 'reports/screens';

/** Every visible control of `area` lies wholly inside the viewport (nothing pushed off the right edge). */
async function allInside(page: Page, area: Locator): Promise<void> {
  const { width, height } = page.viewportSize()!;
  const controls = area.locator('button, a, select, input, [role="radio"], [role="tab"]');
  const boxes = await controls.evaluateAll((els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null && !e.closest('[hidden]'))
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { name: e.getAttribute('aria-label') ?? (e.textContent ?? '').trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) {
    expect.soft(b.left, `${b.name} left`).toBeGreaterThanOrEqual(0);
    expect.soft(b.right, `${b.name} right`).toBeLessThanOrEqual(width + 0.5);
    expect.soft(b.top, `${b.name} top`).toBeGreaterThanOrEqual(0);
    expect.soft(b.bottom, `${b.name} bottom`).toBeLessThanOrEqual(height + 0.5);
  }
}

async function traced(page: Page, url = '/'): Promise<AppPage> {
  const app = new AppPage(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await expect(app.nodes()).toHaveCount(3, { timeout: 20_000 });
  await app.sendRequest('http://web/');
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeEnabled();
  await page.getByRole('button', { name: 'Pause' }).click();
  return app;
}

const playback = (page: Page) => page.getByRole('toolbar', { name: 'Playback' });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} screens`, () => {
    test.use({ colorScheme: scheme });

    for (const [w, h] of [[1280, 720], [1440, 900], [1920, 1080]] as const) {
      test(`workspace ${w}x${h} ${scheme}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        await traced(page);
        await allInside(page, page.getByRole('banner'));
        await allInside(page, playback(page));
        await page.screenshot({ path: `${DIR}/workspace-${w}x${h}-${scheme}.png` });
      });
    }

    test(`presenter 1280x720 ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await traced(page, '/?present=1');
      await allInside(page, page.getByRole('banner'));
      await expect(page.getByRole('region', { name: 'Captions' })).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: `${DIR}/presenter-1280x720-${scheme}.png` });
    });

    test(`embed 800x500 ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width: 800, height: 500 });
      await traced(page, '/?embed=1');
      await allInside(page, page.getByRole('banner'));
      await allInside(page, playback(page));
      await expect(page.getByRole('region', { name: 'Hop caption' })).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: `${DIR}/embed-800x500-${scheme}.png` });
    });

    test(`phone 390x844 ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await traced(page);
      await allInside(page, page.getByRole('banner'));
      await allInside(page, page.getByRole('tablist', { name: 'Panels' }));
      await allInside(page, playback(page));
      await expect(page.getByRole('region', { name: 'Hop caption' })).toBeInViewport({ ratio: 1 });
      // The canvas keeps most of the phone's width.
      expect((await new AppPage(page).graph.boundingBox())!.width).toBeGreaterThan(360);
      await page.screenshot({ path: `${DIR}/phone-390x844-${scheme}.png` });
    });
  });
}

test('lesson mode 1280x720: the top bar fits', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#lesson=why-services&step=3');
  await expect(page.getByRole('heading', { name: /One name for all of them/ })).toBeVisible({ timeout: 20_000 });
  await allInside(page, page.getByRole('banner'));
  await allInside(page, playback(page));
  await page.screenshot({ path: `${DIR}/lesson-1280x720-light.png` });
});

test('tablet 768x1024: every panel reachable through the tabs', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  const app = await traced(page);
  await allInside(page, page.getByRole('banner'));
  expect((await app.graph.boundingBox())!.width).toBeGreaterThan(700);
  await page.screenshot({ path: `${DIR}/tablet-768x1024-light.png` });
  const tabs = page.getByRole('tablist', { name: 'Panels' });
  await tabs.getByRole('tab', { name: 'YAML' }).click();
  await expect(app.editor).toBeVisible();
  await tabs.getByRole('tab', { name: 'YAML' }).press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Hops' })).toBeFocused();
  await expect(app.hops.getByRole('listitem').first()).toBeVisible();
  await tabs.getByRole('tab', { name: 'Terminal' }).click();
  await app.run('kubectl get svc web');
  await expect(app.terminalOutput).toContainText(/web\s+ClusterIP/);
  // "More" holds the kube-proxy mode, the view toggles, export and reset.
  const more = page.getByRole('button', { name: 'More' });
  await more.click();
  const controls = page.getByRole('group', { name: 'More controls' });
  await expect(controls.getByRole('radiogroup', { name: 'kube-proxy mode' })).toBeVisible();
  await allInside(page, controls);
  await page.screenshot({ path: `${DIR}/tablet-768x1024-more.png` });
  await page.keyboard.press('Escape');
  await expect(controls).toBeHidden();
  await expect(more).toBeFocused();
});
