import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // The worker thread that runs long work (imports) off the window's thread: its own entry.
      rollupOptions: {
        input: { main: resolve(import.meta.dirname, 'electron/main.ts'), worker: resolve(import.meta.dirname, 'electron/work/worker.ts') },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require npm packages: bundle them, and emit CommonJS.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(import.meta.dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    esbuild: { jsx: 'automatic' },
    build: {
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
