/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// monaco-editor 0.56+ dropped the `esm/vs/...` deep paths from its package
// exports, yet monaco-yaml's worker still imports them: map them back onto
// the exported `monaco-editor/*` entries (this also applies inside workers).
const monacoDeepPaths = {
  find: /^monaco-editor\/esm\/vs\/(.*?)(\.js)?$/,
  replacement: 'monaco-editor/$1',
};

/**
 * The built page's Content-Security-Policy (a meta tag: the app is static
 * files, with no server to send a header). No inline script and no eval;
 * workers only from the page's origin (the simulation, Monaco's, the service
 * worker). Styles need 'unsafe-inline': Monaco adds <style> elements and
 * React Flow style attributes. Images from data: and blob: for the canvas
 * export. Build only: Vite's dev server injects inline scripts.
 * frame-ancestors cannot be set from a meta tag; embedding is open.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
});

/**
 * Monaco's chunk is imported only once the first graph has painted (its start is
 * a long task); a low-priority prefetch downloads it meanwhile, without running it.
 */
const prefetchEditorChunk = (): Plugin => {
  let base = '/';
  return {
    name: 'prefetch-editor-chunk',
    apply: 'build',
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        const chunks = Object.keys(ctx.bundle ?? {}).filter((f) => /^assets\/monaco-[^/]*\.js$/.test(f));
        const links = chunks.map((f) => `<link rel="prefetch" href="${base}${f}" as="script" crossorigin />`);
        return links.length ? html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`) : html;
      },
    },
  };
};

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    prefetchEditorChunk(),
    // A service worker (Workbox, through vite-plugin-pwa: maintained, and it
    // precaches exactly the files the build emitted, hashed names included),
    // so that a second visit loads without network. The manifest and icons
    // live in public/.
    VitePWA({
      registerType: 'autoUpdate',
      // Registered by the app itself once the first graph is on screen
      // (src/ui/app/service-worker.ts): the precache's downloads must not
      // compete with the simulation's start. No inline script either (CSP).
      injectRegister: false,
      manifest: false,
      includeAssets: ['icon.svg', 'icon-192.png', 'icon-512.png', 'manifest.webmanifest'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ttf,woff,woff2,webmanifest}'],
        // Monaco's chunk is a few MB: the editor must work offline too.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  resolve: { alias: [monacoDeepPaths] },
  worker: { format: 'es' },
  // Pre-bundle the YAML worker's entry so the dev server does not reload the
  // page on first load when it discovers it.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      output: {
        // Monaco is only reached through React.lazy; keep it (and monaco-yaml)
        // in one chunk of its own so the canvas paints before it loads. The
        // preload helper, shared with the entry, gets its own tiny chunk, or
        // the monaco group would capture it and the entry would import monaco.
        codeSplitting: {
          groups: [
            { name: 'preload-helper', test: /vite\/preload-helper/, priority: 2 },
            { name: 'monaco', test: /node_modules[\\/](monaco-editor|monaco-yaml)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: { include: ['src/**/*.test.ts'] },
});
