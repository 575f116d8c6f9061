/**
 * The canvas as a standalone SVG: the React Flow viewport's DOM cloned into
 * a <foreignObject>, with the page's own style rules beside it and the
 * theme on the SVG root (where `:root` selectors land inside an SVG image).
 * No library and no network: it works offline.
 */

const XHTML = 'http://www.w3.org/1999/xhtml';
/** On-screen chrome that does not belong in a picture of the cluster. */
const SKIP = '.react-flow__controls, .react-flow__attribution, .react-flow__minimap, .graph-message';

/** The page's CSS rules, minus the editor's (large, and not on the canvas). */
function pageCss(): string {
  const out: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // A cross-origin sheet: not ours.
    }
    for (const rule of Array.from(rules)) {
      if (!/monaco|\.codicon|\.mtk\d/.test(rule.cssText)) out.push(rule.cssText);
    }
  }
  return out.join('\n');
}

export interface CanvasSvg {
  svg: string;
  width: number;
  height: number;
}

/** Serializes the canvas element (the `.graph-canvas` under "Cluster graph") to SVG text. */
export function canvasToSvg(canvas: HTMLElement): CanvasSvg {
  const { width, height } = canvas.getBoundingClientRect();
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const clone = canvas.cloneNode(true) as HTMLElement;
  clone.querySelectorAll(SKIP).forEach((n) => n.remove());
  clone.style.width = `${w}px`;
  clone.style.height = `${h}px`;

  const root = document.createElementNS(XHTML, 'div') as HTMLDivElement;
  root.className = 'export-root';
  root.setAttribute('style', `width:${w}px;height:${h}px;font-family:var(--font-sans);color:var(--text);background:var(--canvas-bg)`);
  const style = document.createElementNS(XHTML, 'style');
  style.textContent = pageCss();
  root.append(style, clone);

  const html = new XMLSerializer().serializeToString(root);
  const rootAttrs = Array.from(document.documentElement.attributes)
    .filter((a) => a.name.startsWith('data-'))
    .map((a) => ` ${a.name}="${a.value.replace(/"/g, '&quot;')}"`)
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"${rootAttrs}>` +
    `<foreignObject x="0" y="0" width="${w}" height="${h}">${html}</foreignObject></svg>`;
  return { svg, width: w, height: h };
}

/** Draws the SVG on a canvas at `scale` and returns PNG bytes. */
export async function svgToPng({ svg, width, height }: CanvasSvg, scale = 2): Promise<Blob> {
  const img = new Image();
  img.decoding = 'sync';
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the browser could not draw the SVG'));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
