/**
 * What size the canvas's text reaches the screen at: for every text node in
 * the graph canvas that is at least partly inside it, the computed font size
 * times the React Flow viewport's zoom (text outside the viewport, such as
 * the attribution, is not zoomed). Shared by the e2e tests and bench/ui.
 */
import type { Page } from '@playwright/test';

export interface TextSizes {
  count: number;
  min: number;
  median: number;
  /** The smallest text and its size, to say what to fix. */
  smallest: string;
}

export async function canvasTextSizes(page: Page): Promise<TextSizes> {
  // A string, not a function: tsx (bench/ui) would wrap named inner functions in a helper the page lacks.
  return (await page.evaluate(`(() => {
    const canvas = document.querySelector('[aria-label="Cluster graph"] .graph-canvas');
    const viewport = canvas.querySelector('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 1;
    const frame = canvas.getBoundingClientRect();
    const walker = document.createTreeWalker(canvas, NodeFilter.SHOW_TEXT);
    const sizes = [];
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement;
      if (!el || !t.textContent.trim()) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right <= frame.left || r.left >= frame.right || r.bottom <= frame.top || r.top >= frame.bottom) continue;
      const scale = viewport && viewport.contains(el) ? zoom : 1;
      sizes.push({ px: parseFloat(style.fontSize) * scale, text: t.textContent.trim().slice(0, 40) });
    }
    sizes.sort((a, b) => a.px - b.px);
    const mid = sizes.length ? (sizes[(sizes.length - 1) >> 1].px + sizes[sizes.length >> 1].px) / 2 : 0;
    return { count: sizes.length, min: sizes[0] ? sizes[0].px : 0, median: mid, smallest: sizes[0] ? sizes[0].text : '' };
  })()`)) as TextSizes;
}

/** Waits until the viewport's transform holds still (the camera's fit or move has finished). */
export async function viewportSettled(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await page.locator('[aria-label="Cluster graph"] .react-flow__viewport').evaluate((v) => getComputedStyle(v).transform);
    if (now === last && now !== 'none') return;
    last = now;
    await page.waitForTimeout(150);
  }
}
