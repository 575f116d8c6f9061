import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { exposeWeb } from './pages/scenario-edits';

test('a LoadBalancer Service waits for an address; with a pool its saved request passes', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await exposeWeb(app, 'LoadBalancer');
  await expect(app.graph.getByRole('img', { name: 'Load balancer web pending' })).toBeVisible();

  // A fresh cluster whose kind config gives load balancers a pool (x-sim.loadBalancerPool).
  await app.graph.getByRole('button', { name: 'Add an address pool' }).click();
  const lb = app.graph.getByRole('img', { name: /^Load balancer web 172\.18\.255\.\d+$/ });
  await expect(lb).toBeVisible();
  const ip = (await lb.getAttribute('aria-label'))!.split(' ').pop()!;

  const saved = page.getByRole('region', { name: 'Saved requests' });
  await saved.getByRole('button', { name: /^workstation → LoadBalancer web/ }).click();
  await expect(page.getByRole('textbox', { name: 'URL' })).toHaveValue(`http://${ip}/`);
  await expect(page.getByLabel('Reply body')).toHaveText(/^web-/);
  await expect(app.hops.getByRole('listitem').first()).toHaveAttribute('data-from', 'workstation');
  await expect(saved.getByRole('button', { name: /^workstation → LoadBalancer web.*passed$/ })).toBeVisible();

  // The NodePort request is one click too.
  await saved.getByRole('button', { name: /^workstation → NodePort web/ }).click();
  await expect(saved.getByRole('button', { name: /^workstation → NodePort web.*passed$/ })).toBeVisible();
});
