import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('the built page has a strict Content-Security-Policy, and nothing the app does is blocked by it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const app = new AppPage(page);
  await app.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');

  // Monaco and its YAML worker (a schema marker), a trace, the terminal, the dock's views, the export.
  await app.replaceInEditor('replicas: 3', 'replicas: "x"');
  await expect(app.editor.locator('.squiggly-error, .squiggly-warning').first()).toBeVisible();
  await app.replaceInEditor('replicas: "x"', 'replicas: 3');
  await app.sendRequest();
  await expect(page.getByLabel('Reply body')).toHaveText(/^web-/);
  await app.run('kubectl get svc');
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.getByRole('tab', { name: 'Node rules' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await download;
  expect(violations).toEqual([]);
});

test('a second visit loads without network: the service worker serves the app', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open();
  // The service worker has installed (precached everything) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  await context.setOffline(true);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect(app.nodes()).toHaveCount(3);
  await expect(app.webPods()).toHaveCount(3);
  await app.editorReady();
  await app.run('kubectl get svc web -o name');
  await expect(app.terminalOutput.locator('.terminal-line').last()).toHaveText('service/web');
  const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json() as Promise<{ icons: { sizes: string }[] }>);
  expect(manifest.icons.map((i) => i.sizes)).toEqual(['any', '192x192', '512x512']);
  await context.setOffline(false);
});

test('the embed works in an iframe with the sandbox flags the README gives', async ({ page, baseURL }) => {
  const flags = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox';
  await page.route('**/embed-host.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>host</title><iframe title="Services" sandbox="${flags}" src="${baseURL}/?embed=1" width="1200" height="800"></iframe>` }),
  );
  await page.goto('/embed-host.html');
  const frame = page.frameLocator('iframe[title="Services"]');
  await expect(frame.getByRole('region', { name: 'Cluster graph' }).getByRole('group', { name: /^Node / })).toHaveCount(3);
  await frame.getByRole('textbox', { name: 'URL' }).fill('http://web/');
  await frame.getByRole('button', { name: 'Send request' }).click();
  await expect(frame.getByRole('list', { name: 'Packet hops' }).getByRole('listitem').nth(3)).toBeVisible();
});
