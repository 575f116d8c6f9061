import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { encodeFragment } from '../src/share/share-link';
import { DEFAULT_SCENARIO_YAML } from '../src/sim/scenario/default-scenario';

test('choosing the Service lights up its pods, endpoints and YAML lines, and says why the client is not selected', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editorReady();
  await app.graph.getByRole('img', { name: /^Service web 10\.96\./ }).click();

  await expect(app.webPods().and(page.locator('.is-linked'))).toHaveCount(3);
  await expect(app.graph.getByRole('img', { name: /^Pod client / })).not.toHaveClass(/is-linked/);
  await expect(app.graph.locator('.react-flow__edge.endpoint-edge.is-linked')).toHaveCount(3);

  const panel = page.getByRole('region', { name: 'Selection' });
  await expect(panel).toContainText('Selects 3 pods');
  await expect(panel.getByRole('list', { name: 'Pods it does not select' })).toContainText('client: app=client, the selector wants app=web');

  // The Service's lines are amber; its selector and the Deployment's template labels are blue.
  await expect(app.editor.locator('.tint-amber').first()).toBeVisible();
  await expect(app.editor.locator('.view-overlays .tint-blue')).not.toHaveCount(0);
  const blueLines = await app.editor.locator('.margin-view-overlays .tint-blue-gutter').count();
  expect(blueLines).toBeGreaterThanOrEqual(2);

  await panel.getByRole('button', { name: 'Clear selection' }).click();
  await expect(panel).toHaveCount(0);
  await expect(app.editor.locator('.tint-amber')).toHaveCount(0);
});

test('putting the cursor in a YAML document chooses its element; choosing a hop lights up its elements', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.replaceInEditor('args: ["pause"]', 'args: ["pause"]');
  const panel = page.getByRole('region', { name: 'Selection' });
  await expect(panel.getByRole('heading', { name: 'Pod client' })).toBeVisible();
  await expect(panel).toContainText('No Service selects this pod.');
  await expect(app.graph.getByRole('img', { name: /^Pod client / })).toHaveClass(/is-selected/);

  await app.sendRequest();
  await expect(page.getByLabel('Reply body')).toHaveText(/^web-/);
  const dnat = app.hops.getByRole('listitem').filter({ hasText: /DNAT/ }).first();
  await dnat.getByRole('button').click();
  await expect(app.graph.getByRole('img', { name: /^kube-proxy on / }).and(page.locator('.is-active'))).toHaveCount(1);
  // The hop's related Service lights up too.
  await expect(app.graph.getByRole('img', { name: /^Service web / })).toHaveClass(/is-related/);
});

test('a Service without a selector shows its hand-made endpoints on the canvas', async ({ page }) => {
  const manual =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: legacy-db\nspec:\n  ports:\n  - port: 5432\n---\n' +
    'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: legacy-db\nsubsets:\n- addresses:\n  - ip: 172.18.0.100\n  ports:\n  - port: 5432\n';
  const fragment = await encodeFragment({
    scenario: { yaml: `${DEFAULT_SCENARIO_YAML}---\n${manual}`, clusterConfig: null, seed: 1 },
    savedRequests: [],
    request: null,
    hop: -1,
    view: { selected: null, presenter: false, theme: 'light', tableView: false },
  });
  await page.goto(`/#${fragment}`);
  const app = new AppPage(page);
  await expect(app.graph.getByLabel('hand-made endpoints of legacy-db')).toHaveText('hand-made endpoints: 172.18.0.100:5432');
});

/** The text of the editor lines tinted in a tone (overlay and line share their top offset). */
async function tintedLines(page: Page, tone: 'amber' | 'blue'): Promise<string[]> {
  return page.evaluate((cls) => {
    const editor = document.querySelector('.monaco-editor')!;
    const tops = new Set([...editor.querySelectorAll<HTMLElement>(`.view-overlays .${cls}`)].map((el) => el.parentElement!.style.top));
    return [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')].filter((l) => tops.has(l.style.top)).map((l) => l.textContent!.replace(/\u00a0/g, ' ').trim());
  }, `tint-${tone}`);
}

test('with nothing chosen, the hop on show tints the YAML of the Service it is about', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editorReady();
  await expect(app.editor.locator('.tint-amber')).toHaveCount(0);

  await app.sendRequest();
  await expect(page.getByLabel('Reply body')).toHaveText(/^web-/);
  await app.hops.getByRole('listitem').filter({ hasText: /DNAT/ }).first().getByRole('button').click();
  // The DNAT rewrote Service web's ClusterIP: its lines amber (brought into view), its selector blue.
  await expect.poll(() => tintedLines(page, 'amber')).toContain('kind: Service');
  expect(await tintedLines(page, 'amber')).toContain('name: web');
  expect(await tintedLines(page, 'blue')).toContain('app: web');

  // A chosen element wins over the hop: the client pod's lines, not the Service's.
  await app.graph.getByRole('img', { name: /^Pod client / }).click();
  await expect.poll(() => tintedLines(page, 'amber')).toContain('name: client');
  expect(await tintedLines(page, 'amber')).not.toContain('kind: Service');
});
