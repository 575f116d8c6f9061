/**
 * The canvas read on a 1280x720 screen (a classroom projector): the smallest
 * text at the opening zoom, a big cluster's figure, presenter mode's camera
 * closing in during a trace, the hop strip, and the camera's following.
 */
import { expect, test } from '@playwright/test';
import { bigClusterConfig, bigClusterYaml } from '../bench/big-cluster';
import { encodeFragment } from '../src/share/share-link';
import { canvasTextSizes, viewportSettled } from './pages/canvas-text';
import { AppPage } from './pages/app-page';

test.use({ viewport: { width: 1280, height: 720 } });

test('at the opening zoom of the default scenario no canvas text is under 11 px', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.graph.getByRole('img', { name: /^Service web / })).toBeVisible();
  await viewportSettled(page);
  const sizes = await canvasTextSizes(page);
  console.log(`smallest canvas text at fit zoom, default scenario, 1280x720: ${sizes.min.toFixed(1)} px ("${sizes.smallest}"), median ${sizes.median.toFixed(1)} px over ${sizes.count}`);
  expect(sizes.count).toBeGreaterThan(20);
  expect(sizes.min).toBeGreaterThanOrEqual(11);
});

test('a 300-pod, 60-Service cluster: the smallest text at fit zoom, as a figure', async ({ page }) => {
  test.setTimeout(90_000);
  const fragment = await encodeFragment({
    scenario: { yaml: bigClusterYaml(60, 5), clusterConfig: bigClusterConfig(4), seed: 1 },
    savedRequests: [],
    request: null,
    hop: -1,
    view: { selected: null, presenter: false, theme: 'light', tableView: false },
  });
  await page.goto(`/#${fragment}`);
  const app = new AppPage(page);
  await expect(app.graph.getByRole('img', { name: /^Service app-59 / })).toBeAttached({ timeout: 60_000 });
  await viewportSettled(page);
  const sizes = await canvasTextSizes(page);
  console.log(`smallest canvas text at fit zoom, 300 pods / 60 Services, 1280x720: ${sizes.min.toFixed(1)} px, median ${sizes.median.toFixed(1)} px over ${sizes.count}`);
  expect(sizes.count).toBeGreaterThan(100);
  expect(sizes.min).toBeGreaterThan(0);
});

test('presenter mode: during a trace the camera closes in, text at least 18 px at the median and 12 px everywhere', async ({ page }) => {
  await page.goto('/?present=1', { waitUntil: 'domcontentloaded' });
  const app = new AppPage(page);
  await app.sendRequest('http://web/');
  await page.getByRole('button', { name: 'Pause' }).click({ timeout: 3000 }).catch(() => undefined);
  for (let hop = 0; hop < 4; hop++) {
    await page.getByRole('button', { name: hop === 0 ? 'Reset' : 'Step forward', exact: true }).click();
    await viewportSettled(page);
    const sizes = await canvasTextSizes(page);
    console.log(`presenter, hop ${hop + 1}: median ${sizes.median.toFixed(1)} px, min ${sizes.min.toFixed(1)} px over ${sizes.count}`);
    expect(sizes.median).toBeGreaterThanOrEqual(18);
    expect(sizes.min).toBeGreaterThanOrEqual(12);
  }
});

test('the hop strip shows the whole title, the packet says where it is, and a hand zoom stops the following', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.sendRequest('http://web/');
  await page.getByRole('button', { name: 'Pause' }).click({ timeout: 3000 }).catch(() => undefined);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  const strip = app.graph.getByRole('group', { name: 'Current hop' });
  const title = (await app.hops.locator('[aria-current="step"]').textContent()) ?? '';
  await expect(strip).toContainText('3/');
  // Not cut: the text fits its box (it wraps instead).
  const cut = await strip.locator('p').evaluate((p) => p.scrollWidth > p.clientWidth + 1);
  expect(cut).toBe(false);
  const packet = app.graph.getByRole('img', { name: /^Packet at hop 3: / });
  await expect(packet).toBeAttached();
  const name = (await packet.getAttribute('aria-label'))!.replace(/^Packet at hop 3: /, '');
  expect(title).toContain(name);
  await expect(strip).toContainText(name);

  const follow = strip.getByRole('button', { name: 'Follow packet' });
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  const box = (await app.graph.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  // The next trace follows again.
  await follow.click();
  await app.sendRequest('http://web/');
  await expect(app.graph.getByRole('button', { name: 'Follow packet' })).toHaveAttribute('aria-pressed', 'true');
});
