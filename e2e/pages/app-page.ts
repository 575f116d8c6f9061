/** The main screen, found the way a user (or a screen reader) finds it: by role and label. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AppPage {
  readonly editor: Locator;
  readonly graph: Locator;
  readonly hops: Locator;
  readonly terminalInput: Locator;
  readonly terminalOutput: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByRole('region', { name: 'Scenario YAML' });
    this.graph = page.getByRole('region', { name: 'Cluster graph' });
    this.hops = page.getByRole('list', { name: 'Packet hops' });
    this.terminalInput = page.getByRole('textbox', { name: 'Terminal input' });
    this.terminalOutput = page.getByRole('log', { name: 'Terminal output' });
  }

  /** Opens the app; waits for the DOM only, since the lazy editor chunk may still be loading. */
  async open(): Promise<void> {
    await this.page.goto('/', { waitUntil: 'domcontentloaded' });
    await expect(this.nodes()).toHaveCount(3);
  }

  nodes(): Locator {
    return this.graph.getByRole('group', { name: /^Node / });
  }

  webPods(): Locator {
    return this.graph.getByRole('img', { name: /^Pod web-/ });
  }

  /** Waits for Monaco (the lazy chunk) to be up. */
  async editorReady(): Promise<Locator> {
    const lines = this.editor.locator('.monaco-editor .view-lines');
    await expect(lines).toBeVisible();
    return lines;
  }

  /**
   * Replaces the first match of `search` in the editor with `replacement`:
   * Monaco's find widget selects the match, then the text is inserted as one
   * input (keyboard.type would lose spaces to Monaco's input handling).
   */
  async replaceInEditor(search: string, replacement: string): Promise<void> {
    const lines = await this.editorReady();
    await lines.click();
    await this.page.keyboard.press('ControlOrMeta+Home');
    await this.page.keyboard.press('ControlOrMeta+F');
    const find = this.editor.getByRole('textbox', { name: 'Find' });
    await find.fill(search);
    await expect(this.editor.locator('.find-widget .matchesCount')).not.toHaveText(/No results/);
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.insertText(replacement);
  }

  /**
   * Points the mouse at a marker's squiggle until `hover` shows. Monaco's
   * text layer covers squiggles (so no locator.hover), and markers are
   * redrawn whenever either worker answers, so retry.
   */
  async hoverMarker(squiggle: Locator, hover: Locator): Promise<void> {
    await expect(async () => {
      const box = await squiggle.boundingBox({ timeout: 1000 });
      expect(box).not.toBeNull();
      await this.page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
      await expect(hover).toBeVisible({ timeout: 1500 });
    }).toPass({ timeout: 15_000 });
  }

  async sendRequest(url = 'http://web/'): Promise<void> {
    await this.page.getByRole('textbox', { name: 'URL' }).fill(url);
    await this.page.getByRole('button', { name: 'Send request' }).click();
  }

  async run(line: string): Promise<void> {
    await this.terminalInput.fill(line);
    await this.terminalInput.press('Enter');
    await expect(this.terminalOutput).toContainText(`$ ${line}`);
  }
}
