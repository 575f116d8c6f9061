import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

/** The link's alert (Monaco has role=alert regions of its own). */
const linkAlert = (page: Page) => page.getByRole('alert').filter({ hasText: 'This link could not be opened' });

/** The hop list as text, and which hop is open. */
async function hopsOf(page: Page): Promise<{ texts: string[]; current: number }> {
  const items = page.getByRole('list', { name: 'Packet hops' }).getByRole('listitem');
  await expect(items.first()).toBeVisible();
  const texts = (await items.allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
  const flags = await items.evaluateAll((els) => els.map((e) => e.getAttribute('aria-current') === 'step'));
  return { texts, current: flags.indexOf(true) };
}

test('a share link opened in a new page shows the same scenario, hops and hop', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open();
  await app.sendRequest('http://web/');
  const hops = page.getByRole('list', { name: 'Packet hops' }).getByRole('listitem');
  await expect(hops.nth(4)).toBeVisible();
  await hops.last().getByRole('button').first().click();
  const reply = await page.getByLabel('Reply body').textContent();
  await hops.nth(2).getByRole('button').first().click();
  await expect(hops.nth(2)).toHaveAttribute('aria-current', 'step');
  const before = await hopsOf(page);

  await page.getByRole('button', { name: 'Share' }).click();
  const link = page.getByRole('textbox', { name: 'Share link' });
  await expect(link).toHaveValue(/#v2=[A-Za-z0-9_-]+$/);
  const url = await link.inputValue();
  expect(url.length).toBeLessThan(8000);

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByRole('list', { name: 'Packet hops' }).getByRole('listitem').nth(2)).toHaveAttribute('aria-current', 'step');
  expect(await hopsOf(other)).toEqual(before);
  // Opened at hop 3, the packet has not come back yet: the reply waits for the last hop.
  await expect(other.getByLabel('Reply body')).toHaveCount(0);
  await other.getByRole('list', { name: 'Packet hops' }).getByRole('listitem').last().getByRole('button').first().click();
  await expect(other.getByLabel('Reply body')).toHaveText(reply!);
  await expect(linkAlert(other)).toHaveCount(0);
  // The address keeps the link the learner opened (a reload or a bookmark gives the same view).
  expect(new URL(other.url()).hash).toBe(new URL(url).hash);
});

test('the opened link stays in the address bar through a reload and hop stepping, and goes at the first change to the work', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open();
  await app.sendRequest('http://web/');
  const hops = page.getByRole('list', { name: 'Packet hops' }).getByRole('listitem');
  await expect(hops.nth(4)).toBeVisible();
  await hops.nth(3).getByRole('button').first().click();
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByRole('textbox', { name: 'Share link' }).inputValue();

  const other = await context.newPage();
  const shared = new AppPage(other);
  await other.goto(url);
  const otherHops = other.getByRole('list', { name: 'Packet hops' }).getByRole('listitem');
  await expect(otherHops.nth(3)).toHaveAttribute('aria-current', 'step');
  // Stepping through the hops is looking, not changing: the link stays.
  await otherHops.nth(1).getByRole('button').first().click();
  await expect(otherHops.nth(1)).toHaveAttribute('aria-current', 'step');
  expect(other.url()).toBe(url);
  await other.reload();
  await expect(otherHops.nth(3)).toHaveAttribute('aria-current', 'step');
  expect(other.url()).toBe(url);

  // A change to the cluster: the link no longer says what is on screen, the plain address (and the saved work) takes over.
  await shared.run('kubectl scale deployment web --replicas=4');
  await expect(shared.webPods()).toHaveCount(4);
  await expect.poll(() => new URL(other.url()).hash).toBe('');
  expect(new URL(other.url()).pathname).toBe(new URL(url).pathname);
});

for (const [what, fragment] of [
  ['bad base64', '#v1=@@not*base64@@'],
  ['bad compression', '#v1=AAAAAAAAAAAAAAAA'],
  ['an unknown version', '#v42=abc'],
  ['not a share link', '#hello'],
] as const) {
  test(`a link with ${what} shows an alert and the default scenario`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/${fragment}`);
    await expect(linkAlert(page)).toBeVisible();
    await expect(linkAlert(page)).toContainText('default scenario');
    const app = new AppPage(page);
    await expect(app.nodes()).toHaveCount(3);
    await expect(app.webPods()).toHaveCount(3);
    expect(errors).toEqual([]);
    await linkAlert(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(linkAlert(page)).toHaveCount(0);
  });
}

test('a link made after edits and commands reopens the very same cluster and trace', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open();
  await app.replaceInEditor('replicas: 3', 'replicas: 5');
  await expect(app.webPods()).toHaveCount(5);
  await app.run('kubectl exec client -- curl -s http://web/');
  await app.sendRequest('http://web/');
  const hops = page.getByRole('list', { name: 'Packet hops' }).getByRole('listitem');
  await expect(hops.nth(4)).toBeVisible();
  const before = await hopsOf(page);
  const pods = (await app.webPods().evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).sort();

  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const other = await context.newPage();
  await other.goto(url);
  const otherApp = new AppPage(other);
  await expect(otherApp.webPods()).toHaveCount(5);
  expect((await otherApp.webPods().evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).sort()).toEqual(pods);
  expect((await hopsOf(other)).texts).toEqual(before.texts);
  await expect(other.getByRole('region', { name: 'Scenario YAML' })).toContainText('replicas: 5');
});
