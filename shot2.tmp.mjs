import { chromium } from '@playwright/test';
const [url, out, w, h, theme] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const ctx = await b.newContext({ viewport: { width: Number(w||1280), height: Number(h||720) }, colorScheme: theme || 'light' });
await ctx.addInitScript(() => localStorage.setItem('k8s-services-seen-from-inside:lessons', localStorage.getItem('k8s-services-seen-from-inside:lessons') ?? '{"lessons":{},"current":null,"welcomed":true}'));
const p = await ctx.newPage();
await p.goto(url);
await p.waitForTimeout(Number(process.env.WAIT || 3000));
for (const a of (process.env.ACTS || '').split('|').filter(Boolean)) {
  const [kind, ...rest] = a.split(':'); const arg = rest.join(':');
  if (kind === 'click') await p.getByRole('button', { name: arg }).first().click();
  if (kind === 'radio') await p.getByRole('radio', { name: arg }).first().check();
  if (kind === 'run') { await p.getByRole('textbox', { name: 'Terminal input' }).fill(arg); await p.keyboard.press('Enter'); }
  await p.waitForTimeout(1200);
}
await p.screenshot({ path: out });
await b.close();
