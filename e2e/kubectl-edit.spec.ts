/**
 * kubectl edit as a person meets it: the terminal waits while the editor pane shows the
 * object's file; Save (Ctrl+S) or Cancel (Esc) ends it with kubectl's own line
 * (staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go: "service/web edited",
 * "Edit cancelled, no changes made.", the reopened file's "# services \"web\" was not valid:").
 */
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

async function openEdit(app: AppPage, line = 'kubectl edit svc web') {
  await app.run(line);
  const region = app.page.getByRole('region', { name: 'kubectl edit service/web' });
  await expect(region).toBeVisible();
  await expect(region.locator('.monaco-editor .view-lines')).toContainText('Please edit the object below');
  return region;
}

/** Selects the first match of `search` in the edit's Monaco with its find widget, then types over it. */
async function replaceIn(page: Page, region: ReturnType<Page['getByRole']>, search: string, replacement: string) {
  await region.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+F');
  await region.getByRole('textbox', { name: 'Find' }).fill(search);
  await expect(region.locator('.find-widget .matchesCount')).not.toHaveText(/No results/);
  await page.keyboard.press('Escape');
  await page.keyboard.insertText(replacement);
}

test('kubectl edit svc web: the port changed in the editor, Ctrl+S saves, "service/web edited", the Service has it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editorReady();
  const region = await openEdit(app);
  // The terminal waits: no prompt until the editor is done.
  await expect(app.terminalInput).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'kubectl edit is waiting' })).toBeVisible();
  await replaceIn(page, region, '- port: 80', '- port: 8080');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(region).toBeHidden();
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText('service/web edited');
  await expect(app.terminalInput).toBeFocused();
  await app.run('kubectl get svc web');
  await expect(app.terminalOutput).toContainText(/web\s+ClusterIP\s+\S+\s+<none>\s+8080\/TCP/);
  // The scenario's own text is untouched: its find widget finds port 80 and no 8080.
  await app.editor.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+F');
  const find = app.editor.getByRole('textbox', { name: 'Find' });
  await find.fill('port: 8080');
  await expect(app.editor.locator('.find-widget .matchesCount')).toHaveText(/No results/);
  await find.fill('- port: 80');
  await expect(app.editor.locator('.find-widget .matchesCount')).toHaveText(/^1 of 1$/);
});

test('Cancel and Esc: unchanged, kubectl says no changes were made; changed, Esc asks first', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  let region = await openEdit(app);
  await region.getByRole('button', { name: 'Cancel' }).click();
  await expect(region).toBeHidden();
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText('Edit cancelled, no changes made.');

  region = await openEdit(app, 'kubectl edit service/web');
  await replaceIn(page, region, 'sessionAffinity: None', 'sessionAffinity: ClientIP');
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(region).toBeVisible();
  await page.keyboard.press('Escape');
  await confirm.getByRole('button', { name: 'Discard changes' }).click();
  await expect(region).toBeHidden();
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText('Edit cancelled, no changes made.');
  await app.run('kubectl get svc web -o jsonpath={.spec.sessionAffinity}');
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText('None');
});

test('keyboard only: Ctrl+M lets Tab leave the file for Cancel and Save', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const region = await openEdit(app);
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  await expect(region.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(region.getByRole('button', { name: 'Save' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(region).toBeHidden();
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText('Edit cancelled, no changes made.');
});

test('a port the API server refuses reopens the file with the reason on top', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const region = await openEdit(app);
  await replaceIn(page, region, '- port: 80', '- port: 70000');
  await region.getByRole('button', { name: 'Save' }).click();
  await expect(app.terminalOutput).toContainText('error: services "web" is invalid');
  await expect(region.locator('.monaco-editor .view-lines')).toContainText('# services "web" was not valid:');
  await expect(region.locator('.monaco-editor .view-lines')).toContainText('Invalid value: 70000: must be between 1 and 65535, inclusive');
  await expect(app.terminalInput).toBeHidden();
  await page.screenshot({ path: '/tmp/edit-error.png' });
  await region.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.terminalOutput).toContainText('error: Edit cancelled, no valid changes were saved.');
  await expect(app.terminalInput).toBeVisible();
});

test('a worker lost while the editor is open closes it, says so in the terminal, and gives the prompt back', async ({ page }) => {
  const app = new AppPage(page);
  await page.goto('/?simtest=1', { waitUntil: 'domcontentloaded' });
  await expect(app.nodes()).toHaveCount(3);
  const region = await openEdit(app);
  await page.evaluate(() => window.__simTest!.killWorker());
  await expect(region).toBeHidden();
  await expect(app.terminalOutput).toContainText('kubectl edit ended: the simulation was restarted; your edit was not saved.');
  await expect(app.terminalInput).toBeVisible();
  await app.run('kubectl get svc web -o name');
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText('service/web');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the edit state, ${theme} (screenshot)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new AppPage(page);
    await app.open();
    await app.editorReady();
    await openEdit(app);
    await page.screenshot({ path: `/tmp/edit-${theme}.png` });
  });
}
