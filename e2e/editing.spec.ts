import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('scaling the Deployment in the YAML adds a pod on the canvas', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.webPods()).toHaveCount(3);
  await app.replaceInEditor('replicas: 3', 'replicas: 4');
  await expect(app.webPods()).toHaveCount(4);
  await expect(page.getByRole('status').filter({ hasText: /^✓ applied/ })).toBeVisible();
  await expect(app.graph.locator('.react-flow__edge.endpoint-edge')).toHaveCount(4);
});

test('an invalid Service port becomes a marker with the API server message; the canvas keeps its pods', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.replaceInEditor('port: 80', 'port: 99999');
  // The edited line starts inside the editor (the text must not drift sideways as it is inserted).
  const lineBox = await app.editor.locator('.view-line', { hasText: 'port: 99999' }).boundingBox();
  const editorBox = await app.editor.boundingBox();
  expect(lineBox!.x).toBeGreaterThanOrEqual(editorBox!.x);

  const status = page.getByRole('status').filter({ hasText: /^✗ / });
  await expect(status).toBeVisible();
  await expect(status).toContainText(/99999|port/i);
  const squiggle = app.editor.locator('.squiggly-error').first();
  await expect(squiggle).toBeVisible();

  const hover = page.locator('.monaco-hover').filter({ hasText: /99999|between 1 and 65535|must be/i }).first();
  await app.hoverMarker(squiggle, hover);
  await expect(hover).toContainText('kubectl apply');

  await expect(app.webPods()).toHaveCount(3);
  await expect(app.graph.getByRole('img', { name: /^Service web 10\.96\./ })).toBeVisible();
});

test('the YAML language worker runs: a schema error is marked while typing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.replaceInEditor('replicas: 3', 'replicas: -1');
  const squiggle = app.editor.locator('.squiggly-error, .squiggly-warning').first();
  await expect(squiggle).toBeVisible();
  // monaco-yaml's message for the schema's `minimum: 0`.
  await app.hoverMarker(squiggle, page.locator('.monaco-hover').filter({ hasText: /minimum|kubernetes-lite/i }).first());
});
