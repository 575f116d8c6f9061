import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

/** Opens the app with the worker test hooks (window.__simTest); `query` adds more flags. */
async function openWithHooks(page: Page, query = ''): Promise<AppPage> {
  const app = new AppPage(page);
  await page.goto(`/?simtest=1${query}`, { waitUntil: 'domcontentloaded' });
  await expect(app.nodes()).toHaveCount(3);
  return app;
}

const lastLine = (app: AppPage) => app.terminalOutput.locator('.terminal-line').last();

test('a killed worker is replaced from the history, and the terminal answers within 2 s', async ({ page }) => {
  const app = await openWithHooks(page);
  await app.run('kubectl create deployment extra --image=nginx');
  await expect(lastLine(app)).toHaveText('deployment.apps/extra created');

  await page.evaluate(() => window.__simTest!.killWorker());
  await expect(page.getByRole('status').filter({ hasText: 'The simulation stopped unexpectedly, so it was restarted from your history.' })).toBeVisible({ timeout: 2000 });
  const started = Date.now();
  await app.terminalInput.fill('kubectl get deploy extra -o name');
  await app.terminalInput.press('Enter');
  // The replacement replayed the history: the deployment made in the terminal is there.
  await expect(lastLine(app)).toHaveText('deployment.apps/extra', { timeout: 2000 });
  expect(Date.now() - started).toBeLessThan(2000);
});

test('a call that overruns its deadline is recovered: the terminal says so and answers again', async ({ page }) => {
  const app = await openWithHooks(page);
  await page.evaluate(() => window.__simTest!.setDeadline(2000));
  await page.evaluate(() => window.__simTest!.hangWorker(60_000));
  await app.terminalInput.fill('kubectl get svc web -o name');
  await app.terminalInput.press('Enter');
  await expect(lastLine(app)).toHaveText('The simulation took longer than 2 s and was stopped; it was restarted from your history without this command.', { timeout: 5000 });
  await app.run('kubectl get svc web -o name');
  await expect(lastLine(app)).toHaveText('service/web');
  // A trace goes through too.
  await app.sendRequest();
  await expect(page.getByLabel('Reply body')).toHaveText(/^web-/);
});

test('Ctrl+C interrupts a long command, as a terminal does', async ({ page }) => {
  const app = await openWithHooks(page);
  await page.evaluate(() => window.__simTest!.hangWorker(60_000));
  await app.terminalInput.fill('kubectl get pods');
  await app.terminalInput.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'still running… Ctrl+C interrupts' })).toBeVisible();
  await app.terminalInput.press('Control+c');
  await expect(lastLine(app)).toHaveText('^C');
  await app.run('kubectl get svc web -o name');
  await expect(lastLine(app)).toHaveText('service/web', { timeout: 3000 });
  // Ctrl+C at an idle prompt drops the line typed so far.
  await app.terminalInput.fill('kubectl get no');
  await app.terminalInput.press('Control+c');
  await expect(lastLine(app)).toHaveText('$ kubectl get no^C');
  await expect(app.terminalInput).toHaveValue('');
});

test('Reset works while the worker hangs', async ({ page }) => {
  const app = await openWithHooks(page);
  await app.replaceInEditor('replicas: 3', 'replicas: 4');
  await expect(app.webPods()).toHaveCount(4);
  await page.evaluate(() => window.__simTest!.hangWorker(60_000));
  await app.terminalInput.fill('kubectl get pods');
  await app.terminalInput.press('Enter');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset to default scenario' }).click();
  await expect(app.webPods()).toHaveCount(3, { timeout: 5000 });
  await app.run('kubectl get svc web -o name');
  await expect(lastLine(app)).toHaveText('service/web');
});

test('a saved scenario that cannot start the simulation opens with the error marked', async ({ page }) => {
  const huge = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: huge}',
    'spec:',
    '  replicas: 1000000',
    '  selector: {matchLabels: {app: huge}}',
    '  template:',
    '    metadata: {labels: {app: huge}}',
    '    spec: {containers: [{name: c, image: nginx}]}',
    '',
  ].join('\n');
  await page.addInitScript((yaml) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('k8s-services-seen-from-inside:work', JSON.stringify({ yaml, clusterConfig: null, seed: 1, savedRequests: [] }));
      sessionStorage.setItem('seeded', '1');
    }
  }, huge);
  const app = new AppPage(page);
  // The first worker is kept busy past the 4 s allowed, as a scenario too heavy to start would; the replacement starts an empty cluster.
  await page.goto('/?simtest=1&deadline=4000&hangfirst=60000', { waitUntil: 'domcontentloaded' });
  // The app is alive: an empty cluster, the text kept, the error in the status line and on line 1.
  await expect(app.nodes()).toHaveCount(3, { timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'The simulation could not start with this text' })).toBeVisible();
  const lines = await app.editorReady();
  await expect(lines).toContainText('replicas: 1000000');
  await expect(app.editor.locator('.squiggly-error').first()).toBeVisible();
  await app.run('kubectl get nodes -o name');
  await expect(lastLine(app)).toContainText('node/');
});
