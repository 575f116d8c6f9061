import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
test('debug', async ({ page }) => {
  const app = new AppPage(page);
  const w = async (label: string) => console.log(label, await page.evaluate(() => [...document.querySelectorAll('.monaco-editor')].map((e) => (e as HTMLElement).offsetWidth + 'x' + (e as HTMLElement).offsetHeight + ' host=' + (e.parentElement as HTMLElement).offsetWidth)));
  await app.open(); await app.editorReady(); await w('ready');
  await page.evaluate(() => { (window as any).__log = []; const ro = new ResizeObserver((es) => { for (const e of es) (window as any).__log.push((e.target as HTMLElement).className.slice(0, 30) + ' ' + Math.round(e.contentRect.width) + 'x' + Math.round(e.contentRect.height) + ' @' + Math.round(performance.now())); }); for (const sel of ['.monaco-host', '.editor-body', '.left-pane', '.monaco-editor .overflow-guard', '.monaco-scrollable-element.editor-scrollable']) { const el = document.querySelector(sel); if (el) ro.observe(el); } });
  const lines = app.editor.locator('.monaco-editor .view-lines');
  await lines.click(); await w('click');
  await page.keyboard.press('ControlOrMeta+Home'); await page.keyboard.press('ControlOrMeta+F'); await w('find');
  await app.editor.getByRole('textbox', { name: 'Find' }).fill('port: 80'); await w('fill');
  await page.keyboard.press('Escape'); await w('esc');
  await page.keyboard.insertText('port: 99999'); await w('insert');
  await page.waitForTimeout(1500); await w('later'); console.log(await page.evaluate(() => (window as any).__log.join('\n')));
  await page.screenshot({ path: '/tmp/pw/dbg.png' });
});
