/**
 * The embed's options, read from the page's query (`?embed=1&hop=3&autoplay=1&controls=0&theme=dark`),
 * and the iframe snippet the Share panel hands out. Pure: no DOM.
 */

export interface EmbedOptions {
  /** The hop to open at, 1-based as the hop counter shows it; null: the link's own hop. */
  hop: number | null;
  /** Play the trace once it is on screen. */
  autoplay: boolean;
  /** The play/step bar (and the request bar); false leaves the graph and the caption. */
  controls: boolean;
  /** Overrides the link's and the visitor's theme; null leaves them. */
  theme: 'light' | 'dark' | null;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { hop: null, autoplay: false, controls: true, theme: null };

/** Unknown or malformed values fall back to the defaults: an embed never fails on its options. */
export function parseEmbedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const hopText = q.get('hop');
  const hop = hopText !== null && /^[1-9]\d{0,3}$/.test(hopText) ? Number(hopText) : null;
  const theme = q.get('theme');
  return {
    hop,
    autoplay: q.get('autoplay') === '1',
    controls: q.get('controls') !== '0',
    theme: theme === 'light' || theme === 'dark' ? theme : null,
  };
}

/** The embed's address: the app's page with `embed=1` and the options that differ from the defaults, then the share fragment. */
export function embedSrc(page: string, fragment: string, options: EmbedOptions): string {
  const url = new URL(page);
  url.hash = '';
  for (const key of ['embed', 'hop', 'autoplay', 'controls', 'theme', 'present']) url.searchParams.delete(key);
  url.searchParams.set('embed', '1');
  if (options.hop !== null) url.searchParams.set('hop', String(options.hop));
  if (options.autoplay) url.searchParams.set('autoplay', '1');
  if (!options.controls) url.searchParams.set('controls', '0');
  if (options.theme) url.searchParams.set('theme', options.theme);
  const hash = fragment.replace(/^#/, '');
  return `${url.toString().replace(/#$/, '')}${hash ? `#${hash}` : ''}`;
}

/** The flags README.md documents: scripts and same-origin for the worker, forms for the request bar, popups for "Open in full app". */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox';
export const EMBED_TITLE = 'Kubernetes Services, seen from inside';

export interface EmbedSize {
  width: number;
  height: number;
}

export const EMBED_SIZES: readonly EmbedSize[] = [
  { width: 800, height: 500 },
  { width: 1000, height: 640 },
  { width: 640, height: 400 },
  { width: 480, height: 320 },
];

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet(src: string, size: EmbedSize): string {
  return (
    `<iframe src="${escapeAttr(src)}" width="${size.width}" height="${size.height}" title="${EMBED_TITLE}" ` +
    `loading="lazy" sandbox="${EMBED_SANDBOX}" style="border: 1px solid #d0d5dd; border-radius: 8px;"></iframe>`
  );
}
