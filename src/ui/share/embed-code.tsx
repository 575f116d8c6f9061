/**
 * The Share panel's "Embed" part: an iframe snippet for this view, with the
 * embed's options (hop, autoplay, controls, theme) and a size, and a Copy button.
 */
import { useId, useRef, useState } from 'react';
import { useTraceStore } from '../stores/trace-store';
import { EMBED_SIZES, embedSrc, iframeSnippet, type EmbedOptions } from './embed-options';

export function EmbedCode({ shareUrl, copy }: { shareUrl: string; copy: (text: string, box: HTMLTextAreaElement | null) => Promise<boolean> }) {
  const id = useId();
  const count = useTraceStore((s) => s.trace?.hops.length ?? 0);
  const current = useTraceStore((s) => s.current);
  const [hop, setHop] = useState(count > 0 ? String(current + 1) : '');
  const [autoplay, setAutoplay] = useState(false);
  const [controls, setControls] = useState(true);
  const [theme, setTheme] = useState<'' | 'light' | 'dark'>('');
  const [size, setSize] = useState(0);
  const [copied, setCopied] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const hopN = /^\d+$/.test(hop) && Number(hop) >= 1 ? Math.min(Number(hop), Math.max(count, 1)) : null;
  const options: EmbedOptions = { hop: count > 0 ? hopN : null, autoplay, controls, theme: theme || null };
  const snippet = iframeSnippet(embedSrc(location.href, new URL(shareUrl).hash, options), EMBED_SIZES[size]!);
  const changed = <T,>(set: (v: T) => void) => (v: T): void => {
    set(v);
    setCopied(false);
  };
  return (
    <div className="embed-code">
      <div className="embed-code__options">
        {count > 0 && (
          <label>
            Open at hop
            <input type="number" min={1} max={count} value={hop} onChange={(e) => changed(setHop)(e.target.value)} />
          </label>
        )}
        <label>
          <input type="checkbox" checked={autoplay} onChange={(e) => changed(setAutoplay)(e.target.checked)} /> Autoplay
        </label>
        <label>
          <input type="checkbox" checked={controls} onChange={(e) => changed(setControls)(e.target.checked)} /> Controls
        </label>
        <label>
          Theme
          <select value={theme} onChange={(e) => changed(setTheme)(e.target.value as '' | 'light' | 'dark')}>
            <option value="">as shared</option>
            <option value="light">light</option>
            <option value="dark">dark</option>
          </select>
        </label>
        <label>
          Size
          <select value={size} onChange={(e) => changed(setSize)(Number(e.target.value))}>
            {EMBED_SIZES.map((s, i) => (
              <option key={i} value={i}>{s.width} × {s.height}</option>
            ))}
          </select>
        </label>
      </div>
      <label htmlFor={`${id}-code`} className="share-panel__label">
        Embed code <span className="share-panel__hint">(an iframe for a web page; the view fits frames from 480 × 320 up)</span>
      </label>
      <div className="share-panel__row">
        <textarea id={`${id}-code`} ref={box} className="share-panel__input embed-code__text" readOnly value={snippet} rows={4} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn" aria-label="Copy embed code" onClick={() => void copy(snippet, box.current).then(setCopied)}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
