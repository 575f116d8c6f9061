import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

// What a learner does with kubectl port-forward in the simulated terminal: start it in the
// background with &, curl the forwarded port on the workstation, list the job, end it.
test('kubectl port-forward ... & forwards localhost to a pod until the job is killed', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.run('kubectl port-forward svc/web 8080:80 &');
  await expect(app.terminalOutput).toContainText('[1] 4721');
  await expect(app.terminalOutput).toContainText(/Forwarding from 127\.0\.0\.1:8080 -> \d+/);
  await expect(app.terminalOutput).toContainText(/Forwarding from \[::1\]:8080 -> \d+/);

  await app.run('curl -s localhost:8080');
  // kubectl's line first (it takes the connection), then the pod's answer.
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText(/^Handling connection for 8080\s+web-\S+$/);

  await app.run('jobs');
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText(/^\[1\]\+\s+Running\s+kubectl port-forward svc\/web 8080:80 &$/);

  await app.run('kill %1');
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText(/^\[1\]\+\s+Terminated\s+kubectl port-forward svc\/web 8080:80$/);
  await app.run('curl -s localhost:8080; echo "exit $?"');
  await expect(app.terminalOutput.locator('.terminal-line--output').last()).toHaveText('exit 7');
});
