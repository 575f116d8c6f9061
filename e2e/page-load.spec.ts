import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('the page shows the editor, the cluster and the controls', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();

  await expect(page.getByRole('heading', { name: 'Services, seen from inside' })).toBeVisible();
  await expect(app.editor).toBeVisible();
  await expect(app.editor.locator('.monaco-editor')).toBeVisible();
  await expect(app.editor).toContainText('kind: Deployment');

  await expect(app.nodes()).toHaveCount(3);
  for (const name of ['kind-control-plane', 'kind-worker', 'kind-worker2']) {
    await expect(app.graph.getByRole('group', { name: new RegExp(`^Node ${name} \\d+\\.\\d+\\.\\d+\\.\\d+$`) })).toBeVisible();
    await expect(app.graph.getByRole('img', { name: `kube-proxy on ${name}`, exact: true })).toBeVisible();
  }
  await expect(app.webPods()).toHaveCount(3);
  await expect(app.graph.getByRole('img', { name: /^Pod client 10\.244\./ })).toBeVisible();
  await expect(app.graph.getByRole('img', { name: /^Service web 10\.96\.\d+\.\d+$/ })).toBeVisible();
  await expect(app.graph.getByLabel('CoreDNS').first()).toBeVisible();
  await expect(app.graph.getByRole('img', { name: /CoreDNS/ }).first()).toBeVisible();

  await expect(page.getByRole('combobox', { name: 'From' })).toHaveValue('default/client');
  await expect(page.getByRole('combobox', { name: 'From' }).locator('option', { hasText: /^client \(10\.244\.\d+\.\d+\)$/ })).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'URL' })).toHaveValue('http://web/');
  await expect(page.getByRole('button', { name: 'Send request' })).toBeEnabled();
  await expect(app.terminalInput).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^✓ / })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the Service is tied to its pods by visibly stroked edges (React Flow CSS is loaded)', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const edge = app.graph.locator('.react-flow__edge.endpoint-edge .react-flow__edge-path');
  await expect(edge).toHaveCount(3);
  const style = await edge.first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { stroke: s.stroke, width: parseFloat(s.strokeWidth), fill: s.fill };
  });
  expect(style.stroke).not.toBe('none');
  expect(style.stroke).not.toBe('rgb(0, 0, 0)');
  expect(style.width).toBeGreaterThan(0);
  expect(style.fill).toBe('none');
  const box = await edge.first().boundingBox();
  expect((box?.height ?? 0) + (box?.width ?? 0)).toBeGreaterThan(20);
  const nodePosition = await app.graph.locator('.react-flow__node').first().evaluate((el) => getComputedStyle(el).position);
  expect(nodePosition).toBe('absolute');
});

test('the canvas paints before the editor chunk has loaded', async ({ page }) => {
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/monaco-[^/]*\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  const app = new AppPage(page);
  await app.open();
  await expect(app.webPods()).toHaveCount(3);
  await expect(app.editor.locator('.monaco-editor')).toHaveCount(0);
  release();
  await expect(app.editor.locator('.monaco-editor')).toBeVisible();
});
