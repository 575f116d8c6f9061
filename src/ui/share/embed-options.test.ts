import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, EMBED_SANDBOX, embedSrc, iframeSnippet, parseEmbedOptions } from './embed-options';

describe('parseEmbedOptions', () => {
  it('reads hop, autoplay, controls and theme from the query', () => {
    expect(parseEmbedOptions('?embed=1&hop=3&autoplay=1&controls=0&theme=dark')).toEqual({ hop: 3, autoplay: true, controls: false, theme: 'dark' });
  });

  it('falls back to the defaults on missing or malformed values', () => {
    expect(parseEmbedOptions('?embed=1')).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(parseEmbedOptions('?hop=0&autoplay=yes&controls=no&theme=purple')).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(parseEmbedOptions('?hop=-2').hop).toBeNull();
    expect(parseEmbedOptions('?hop=3.5').hop).toBeNull();
    expect(parseEmbedOptions('?hop=99999').hop).toBeNull();
    expect(parseEmbedOptions('?controls=1').controls).toBe(true);
  });
});

describe('embedSrc', () => {
  it('puts embed=1 and only the options that differ from the defaults before the share fragment', () => {
    const src = embedSrc('https://example.org/app/?present=1#old', '#v2=abc', { hop: 4, autoplay: true, controls: false, theme: 'light' });
    expect(src).toBe('https://example.org/app/?embed=1&hop=4&autoplay=1&controls=0&theme=light#v2=abc');
    expect(embedSrc('https://example.org/app/', '', DEFAULT_EMBED_OPTIONS)).toBe('https://example.org/app/?embed=1');
  });

  it('round-trips through parseEmbedOptions', () => {
    const options = { hop: 2, autoplay: false, controls: true, theme: 'dark' as const };
    expect(parseEmbedOptions(new URL(embedSrc('http://h/', '#v2=x', options)).search)).toEqual(options);
  });
});

describe('iframeSnippet', () => {
  it('is a lazy, titled iframe with the README sandbox flags and the chosen size', () => {
    const html = iframeSnippet('https://h/?embed=1&hop=2#v2="x"', { width: 800, height: 500 });
    expect(html).toContain('src="https://h/?embed=1&amp;hop=2#v2=&quot;x&quot;"');
    expect(html).toContain('width="800" height="500"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain(`sandbox="${EMBED_SANDBOX}"`);
    expect(html).toMatch(/title="[^"]+"/);
    // README.md ("Offline, Content-Security-Policy, embedding") documents these flags; e2e/pwa-csp.spec.ts uses them.
    expect(EMBED_SANDBOX).toBe('allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
  });
});
