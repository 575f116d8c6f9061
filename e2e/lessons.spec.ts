/**
 * A new learner alone with the app: finds the first lesson from what the page
 * says, completes it with the terminal and the request bar only, sees it
 * marked done, and finds the progress kept after a reload. A wrong fix ticks
 * nothing; a hint shows; "Show me" replays a step's solution.
 */
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

const task = (page: Page, title: string | RegExp) => page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox', { name: title });
const lessonPanel = (page: Page) => page.getByRole('region', { name: 'Lesson' });

test.describe('a first-time visitor', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('finds lesson 1, completes it through the terminal and the request bar, and keeps the progress', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new AppPage(page);
    await page.goto('/');
    const offer = page.getByRole('dialog', { name: 'New here?' });
    await expect(offer).toBeVisible();
    await offer.getByRole('button', { name: /^Start lesson 1/ }).click();
    const panel = lessonPanel(page);
    await expect(panel.getByRole('heading', { name: 'Why Services exist' })).toBeVisible();

    // Step 1: a web pod, straight from client by its IP.
    await expect(task(page, 'Reach a web pod from client by its pod IP')).toHaveAttribute('aria-checked', 'false');
    await panel.getByRole('button', { name: 'Hint' }).click();
    await expect(panel.getByRole('note', { name: 'Hint 1' })).toContainText('kubectl get pods -o wide');
    await app.run('kubectl get pods -o wide');
    const listing = await app.terminalOutput.innerText();
    const ip = /web-\S+\s+1\/1\s+Running\s+\d+\s+\S+\s+(10\.244\.\d+\.\d+)/.exec(listing)![1]!;
    await app.run(`kubectl exec client -- curl -s http://${ip}:9376/`);
    await expect(task(page, 'Reach a web pod from client by its pod IP')).toHaveAttribute('aria-checked', 'true');
    await panel.getByRole('button', { name: 'Next step' }).click();

    // Step 2: predict first, then delete a pod and see its replacement.
    await expect(panel.getByRole('group', { name: /Predict first/ })).toBeVisible();
    await panel.getByRole('radio', { name: 'A new pod, with a new name and a new IP' }).check();
    await panel.getByRole('button', { name: 'Lock in my prediction' }).click();
    const pod = /(web-[a-z0-9]+-[a-z0-9]+)/.exec(listing)![1]!;
    await app.run(`kubectl delete pod ${pod}`);
    await app.run('kubectl get pods -o wide');
    await expect(task(page, 'Delete one web pod')).toHaveAttribute('aria-checked', 'true');
    await expect(task(page, 'See its replacement running with a new IP')).toHaveAttribute('aria-checked', 'true');
    await expect(panel.getByText('The simulation agrees.')).toBeVisible();
    await panel.getByRole('button', { name: 'Next step' }).click();

    // Step 3: a wrong fix (the wrong target port) ticks nothing; the right one does.
    const create = task(page, /Create Service web/);
    await app.run('kubectl create service clusterip web --tcp=80:8080');
    await expect(app.terminalOutput).toContainText('service/web created');
    await expect(create).toHaveAttribute('aria-checked', 'false');
    await app.run('kubectl delete svc web');
    await app.run('kubectl expose deployment web --port=80 --target-port=9376');
    await expect(create).toHaveAttribute('aria-checked', 'true');
    await panel.getByRole('button', { name: 'Next step' }).click();

    // Step 4: through the request bar, once and then a load of 100.
    await panel.getByRole('radio', { name: 'Several of the three web pods' }).check();
    await panel.getByRole('button', { name: 'Lock in my prediction' }).click();
    await page.getByRole('combobox', { name: 'From' }).selectOption('default/client');
    await app.sendRequest('http://web/');
    await expect(task(page, 'Reach http://web/ from client')).toHaveAttribute('aria-checked', 'true');
    await page.getByRole('button', { name: /^Send \d+/ }).click();
    await expect(task(page, 'See more than one web pod answer')).toHaveAttribute('aria-checked', 'true');
    await expect(panel.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();

    // The map marks it done, and a reload keeps it.
    await page.getByRole('button', { name: 'Lessons' }).click();
    const map = page.getByRole('dialog', { name: 'Lessons' });
    await expect(map.getByText('1 of ')).toBeVisible();
    await map.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await expect(lessonPanel(page).getByRole('heading', { name: 'Why Services exist' })).toBeVisible();
    await page.getByRole('button', { name: 'Lessons' }).click();
    await expect(page.getByRole('dialog', { name: 'Lessons' }).getByText('1 of ')).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'New here?' })).toBeHidden();
  });
});

test('"Show me" replays a step\'s solution with its tasks ticked', async ({ page }) => {
  const app = new AppPage(page);
  await page.goto('/#lesson=why-services&step=3');
  const panel = lessonPanel(page);
  await expect(panel.getByRole('heading', { name: /One name for all of them/ })).toBeVisible();
  await expect(task(page, /Create Service web/)).toHaveAttribute('aria-checked', 'false');
  await panel.getByRole('button', { name: 'Show me' }).click();
  await panel.getByRole('button', { name: 'Play the solution' }).click();
  await expect(app.terminalOutput).toContainText('kubectl expose deployment web --port=80 --target-port=9376');
  await expect(task(page, /Create Service web/)).toHaveAttribute('aria-checked', 'true');
  await expect(app.graph.getByRole('img', { name: /^Service web / })).toBeVisible();
});

test('a chip puts its command on the terminal line, and Exit lesson returns to the sandbox', async ({ page }) => {
  const app = new AppPage(page);
  await page.goto('/#lesson=why-services&step=2');
  const panel = lessonPanel(page);
  await panel.getByRole('radio').first().check();
  await panel.getByRole('button', { name: 'Lock in my prediction' }).click();
  await panel.getByRole('group', { name: 'Try these' }).getByRole('button', { name: /kubectl delete pod web-/ }).click();
  await expect(app.terminalInput).toHaveValue(/^kubectl delete pod web-[a-z0-9]+-[a-z0-9]+$/);
  await panel.getByRole('button', { name: 'Exit lesson' }).click();
  await expect(lessonPanel(page)).toBeHidden();
  await expect(app.graph.getByRole('img', { name: /^Service web / })).toBeVisible();
});

test("a teacher's lesson file with a mistake opens with its problems listed, not a blank app", async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Lessons' }).click();
  const bad = 'id: my-lesson\ntitle: Mine\ntrack: T\norder: 1\nminutes: lots\nconcepts: [x]\nsummary: s\nstart: {scenario: ""}\nsteps: []\n';
  await page.getByLabel('Open a lesson file…').setInputFiles({ name: 'mine.yaml', mimeType: 'application/yaml', buffer: Buffer.from(bad) });
  const problems = page.getByRole('alertdialog', { name: 'This lesson cannot be opened' });
  await expect(problems).toContainText('mine.yaml:5: minutes:');
  await expect(problems).toContainText('steps');
  await problems.getByRole('button', { name: 'Close' }).click();
  await expect(app.nodes()).toHaveCount(3);
});

test('a share link made inside a lesson reopens the lesson at its step', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#lesson=why-services&step=3');
  const panel = lessonPanel(page);
  await expect(panel.getByRole('heading', { name: /One name for all of them/ })).toBeVisible();
  const app = new AppPage(page);
  await app.run('kubectl expose deployment web --port=80 --target-port=9376');
  await expect(task(page, /Create Service web/)).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: /link/i }).inputValue();
  expect(link).toMatch(/#v2=/);
  const other = await context.newPage();
  await other.goto(link);
  await expect(lessonPanel(other).getByRole('heading', { name: /One name for all of them/ })).toBeVisible();
  await expect(task(other, /Create Service web/)).toHaveAttribute('aria-checked', 'true');
});

test('presenter mode runs a lesson as a demo: the step is the caption, → plays it, then moves on', async ({ page }) => {
  await page.goto('/?present=1#lesson=why-services&step=3');
  const caption = page.getByRole('region', { name: 'Lesson step' });
  await expect(caption).toContainText('One name for all of them');
  await expect(caption).toContainText('→ play this step');
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('→ next step', { timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Cluster graph' }).getByRole('img', { name: /^Service web / })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('Ask the Service');
  await page.keyboard.press('ArrowLeft');
  await expect(caption).toContainText('One name for all of them');
});
