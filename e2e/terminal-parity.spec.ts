import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_SCENARIO_YAML } from '../src/sim/scenario/default-scenario';
import { AppPage } from './pages/app-page';

// Issue 2, point 7: the browser terminal runs the same commands through the same
// core as `npm run sim`, so it prints the same text.
const COMMANDS = [
  'kubectl get pods -o wide',
  'kubectl get svc',
  'kubectl get endpointslices',
  'kubectl exec client -- nslookup web',
  'kubectl exec client -- cat /etc/resolv.conf',
  'kubectl describe svc web',
];

function cliTranscript(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parity-'));
  writeFileSync(join(dir, 'app.yaml'), DEFAULT_SCENARIO_YAML);
  writeFileSync(join(dir, 'script.sh'), ['kubectl apply -f app.yaml', ...COMMANDS].join('\n') + '\n');
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', join(dir, 'script.sh')], { encoding: 'utf8' });
  // Drop the apply step: the browser applied the same YAML from its editor.
  return out.slice(out.indexOf(`$ ${COMMANDS[0]}`));
}

const normalise = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l !== '')
    .join('\n');

test('the browser terminal prints what npm run sim prints for the same commands', async ({ page }) => {
  const expected = cliTranscript();
  const app = new AppPage(page);
  await app.open();
  for (const line of COMMANDS) await app.run(line);
  await expect(app.terminalOutput).toContainText('Events:');
  const shown = await app.terminalOutput.evaluate((el) => (el as HTMLElement).innerText);
  const fromFirst = shown.slice(shown.indexOf(`$ ${COMMANDS[0]}`));
  expect(normalise(fromFirst)).toBe(normalise(expected));
});
