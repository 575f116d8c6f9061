/**
 * One source of truth: the cluster a learner changed in the terminal survives
 * a kube-proxy mode switch (app/cluster-settings.ts replays the session), and
 * the editor says where the cluster differs from its text (snapshot.drift).
 */
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('a mode switch keeps a Service made in the terminal', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.run('kubectl expose deployment web --name=web2 --port=8080 --target-port=9376');
  // kubernetes/kubectl pkg/cmd/expose/expose.go prints the object with the operation "exposed".
  await expect(app.terminalOutput.locator('.terminal-line').last()).toHaveText('service/web2 exposed');
  const web2 = app.graph.getByRole('img', { name: /^Service web2 10\.96\./ });
  await expect(web2).toBeVisible();
  const note = page.getByRole('note', { name: 'The cluster differs from this text' });
  await expect(note).toContainText('service web2 is in the cluster, not in the text');

  const modes = page.getByRole('radiogroup', { name: 'kube-proxy mode' });
  await modes.getByRole('radio', { name: 'IPVS' }).click();
  await expect(modes.getByRole('radio', { name: 'IPVS' })).toHaveAttribute('aria-checked', 'true');
  await expect(web2).toBeVisible();
  await expect(note).toContainText('service web2 is in the cluster, not in the text');

  // It answers: serve-hostname replies with the serving pod's name.
  await app.sendRequest('http://web2:8080/');
  await expect(page.getByLabel('Reply body')).toHaveText(/^web-[a-z0-9]+-[a-z0-9]{5}$/);
  await app.run('kubectl get svc web2 -o wide');
  await expect(app.terminalOutput).toContainText(/web2\s+ClusterIP\s+10\.96\.\S+\s+<none>\s+8080\/TCP/);
});

test('the drift note counts replicas scaled in the terminal, and goes when the text agrees again', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const note = page.getByRole('note', { name: 'The cluster differs from this text' });
  await expect(note).toHaveCount(0);
  await app.run('kubectl scale deployment web --replicas=5');
  // kubernetes/kubectl pkg/cmd/scale/scale.go prints "deployment.apps/web scaled".
  await expect(app.terminalOutput.locator('.terminal-line').last()).toHaveText('deployment.apps/web scaled');
  await expect(app.webPods()).toHaveCount(5);
  await expect(note).toContainText('deployment web has 5 replicas in the cluster, 3 in the text');
  await app.replaceInEditor('replicas: 3', 'replicas: 5');
  await expect(note).toHaveCount(0);
});
