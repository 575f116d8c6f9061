import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test('the bottom tabs show the cluster events and a node\'s proxy rules, and keep the terminal as it was', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.run('kubectl get pods');

  await page.getByRole('tab', { name: 'Events' }).click();
  const events = page.getByLabel('Cluster events');
  await expect(events).toContainText(/Normal\s+ScalingReplicaSet\s+Deployment\/web\s+Scaled up replica set web-\w+ from 0 to 3/);
  await expect(events).toContainText(/Normal\s+Scheduled\s+Pod\/client/);

  await page.getByRole('tab', { name: 'Node rules' }).click();
  await expect(page.getByLabel('Proxy rules on kind-worker')).toContainText('-A KUBE-SERVICES');
  await page.getByRole('combobox', { name: 'Node', exact: true }).selectOption('kind-worker2');
  await expect(page.getByLabel('Proxy rules on kind-worker2')).toContainText(':KUBE-NODEPORTS - [0:0]');

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  await page.getByRole('tab', { name: 'Node rules' }).press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.terminalOutput).toContainText('$ kubectl get pods');
});

test('the events follow the cluster: a scaled Deployment shows up without asking', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.run('kubectl scale deployment web --replicas=4');
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByLabel('Cluster events')).toContainText(/Scaled up replica set web-\w+ from 3 to 4/);
});
