import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('the terminal runs kubectl get pods', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.run('kubectl get pods');
  await expect(app.terminalOutput).toContainText(/NAME\s+READY\s+STATUS/);
  await expect(app.terminalOutput).toContainText(/web-\S+\s+1\/1\s+Running/);
});

test('the terminal curls the Service from inside a pod, with history on the arrow keys', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const line = 'kubectl exec client -- curl -s http://web/';
  await app.run(line);
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText(/^web-\S+$/);

  await app.terminalInput.press('ArrowUp');
  await expect(app.terminalInput).toHaveValue(line);
  await app.terminalInput.press('ArrowDown');
  await expect(app.terminalInput).toHaveValue('');
});

test('Tab completes commands, verbs and object names, and lists the choices when several fit', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.terminalInput.fill('kubectl exe');
  await app.terminalInput.press('Tab');
  await expect(app.terminalInput).toHaveValue('kubectl exec ');
  await app.terminalInput.pressSequentially('cl');
  await app.terminalInput.press('Tab');
  await expect(app.terminalInput).toHaveValue('kubectl exec client ');
  await app.terminalInput.fill('kubectl get endp');
  await app.terminalInput.press('Tab');
  await expect(app.terminalInput).toHaveValue('kubectl get endpoints');
  await app.terminalInput.press('Tab');
  await expect(app.terminalOutput).toContainText('endpoints  endpointslices');
});

test('kubectl exec -it opens a shell in the pod: its prompt, its commands, then exit back to bash', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.run('kubectl exec -it client -- sh');
  const podInput = page.getByRole('textbox', { name: 'Terminal input, shell in a pod (/ #)' });
  await expect(podInput).toBeVisible();
  await podInput.fill('hostname');
  await podInput.press('Enter');
  await expect(app.terminalOutput).toContainText('/ # hostname');
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText('client');
  await podInput.fill('exit');
  await podInput.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Terminal input', exact: true })).toBeVisible();
});

test('a here-document typed line by line, and one pasted whole from a tutorial, apply what they hold', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const bodyLine = async (line: string) => {
    await app.terminalInput.fill(line);
    await app.terminalInput.press('Enter');
    await expect(app.terminalOutput).toContainText(`> ${line}`);
  };
  await app.run('kubectl apply -f - <<EOF');
  await expect(page.getByRole('textbox', { name: 'Terminal input, here-document line' })).toBeVisible();
  for (const line of ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: typed', 'EOF']) await bodyLine(line);
  await expect(app.terminalOutput).toContainText('namespace/typed created');
  await expect(page.getByRole('textbox', { name: 'Terminal input', exact: true })).toBeVisible();

  // A block copied from a web page: the newlines are Enters, the last line stays typed.
  await app.terminalInput.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: pasted\nEOF\nkubectl get ns pasted');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(app.terminalOutput).toContainText('namespace/pasted created');
  await expect(app.terminalInput).toHaveValue('kubectl get ns pasted');
  await app.terminalInput.press('Enter');
  await expect(app.terminalOutput).toContainText(/pasted\s+Active/);

  // Ctrl+C in the middle of one drops it.
  await app.run('kubectl apply -f - <<EOF');
  await app.terminalInput.press('Control+c');
  await expect(page.getByRole('textbox', { name: 'Terminal input', exact: true })).toBeVisible();
});
