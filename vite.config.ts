/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
// monaco-editor 0.56+ dropped the `esm/vs/...` deep paths from its package
// exports, yet monaco-yaml's worker still imports them: map them back onto
// the exported `monaco-editor/*` entries (this also applies inside workers).
const monacoDeepPaths = {
  find: /^monaco-editor\/esm\/vs\/(.*?)(\.js)?$/,
  replacement: 'monaco-editor/$1',
};

export default defineConfig({
  plugins: [react()],
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
