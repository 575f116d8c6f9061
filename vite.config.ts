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
        // in one chunk of its own so the canvas paints before it loads.
        manualChunks(id: string) {
          if (/node_modules\/(monaco-editor|monaco-yaml)\//.test(id)) return 'monaco';
          return undefined;
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: { include: ['src/**/*.test.ts'] },
});
