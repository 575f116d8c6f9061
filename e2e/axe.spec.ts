// axe-core scans every screen a learner sees, light and dark: the main screen idle and
// during a trace, presenter mode, the table view and the embed. Any serious or critical
// violation fails (axe's impact levels: https://github.com/dequelabs/axe-core/blob/develop/doc/API.md).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

async function expectNoSeriousViolations(page: Page): Promise<void> {
  // Let fades and the packet's flight settle so colours are the resting ones.
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 6).map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`).join('\n')}`);
  expect.soft(report, report.join('\n')).toEqual([]);
}

async function traceToDnat(app: AppPage): Promise<void> {
  await app.sendRequest('http://web/');
  const dnat = app.hops.getByRole('listitem').filter({ hasText: /DNAT/ }).first();
  await dnat.getByRole('button').click();
  await expect(dnat).toHaveAttribute('aria-current', 'step');
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme}`, () => {
    // A scan of the full screen (Monaco included) takes seconds on a busy machine.
    test.describe.configure({ timeout: 90_000 });
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    });

    test('main screen, idle', async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await app.editorReady();
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await expectNoSeriousViolations(page);
    });

    test('main screen during a trace, then with the reply and the Node rules tab', async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await app.editorReady();
      await traceToDnat(app);
      await expectNoSeriousViolations(page);
      await app.hops.getByRole('listitem').last().getByRole('button').click();
      await expect(page.getByLabel('Reply body')).toHaveText(/^web-/);
      await page.getByRole('tab', { name: 'Node rules' }).click();
      await expect(page.getByLabel(/^Proxy rules on /)).toContainText('KUBE-SERVICES');
      await expectNoSeriousViolations(page);
    });

    test('presenter mode', async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await page.getByRole('button', { name: 'Present' }).click();
      await traceToDnat(app);
      await expectNoSeriousViolations(page);
    });

    test('table view', async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await page.getByRole('button', { name: 'Table view' }).click();
      await expect(page.getByRole('button', { name: 'Table view' })).toHaveAttribute('aria-pressed', 'true');
      await expectNoSeriousViolations(page);
    });

    test('embed', async ({ page }) => {
      await page.setViewportSize({ width: 800, height: 500 });
      await page.goto('/?embed=1');
      const app = new AppPage(page);
      await expect(app.nodes()).toHaveCount(3);
      await traceToDnat(app);
      await expectNoSeriousViolations(page);
    });
  });
}
