import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/;

test('nothing leaves the machine: every request stays on localhost', async ({ page, context }) => {
  const seen: string[] = [];
  // Workers' requests go through the context too.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    seen.push(url);
    if (LOCAL.test(url)) await route.continue();
    else await route.abort();
  });
  const app = new AppPage(page);
  await app.open();
  await app.editorReady();
  await app.sendRequest();
  await expect(page.getByLabel('Reply body')).toHaveText(/^web-/);
  await app.run('kubectl get svc');

  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((u) => !LOCAL.test(u))).toEqual([]);
});
