import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: resolve('src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file that requires only `electron`: bundle
      // every dependency (zod, the contract) instead of externalizing them, and build each
      // window's preload on its own so they share no chunk (a shared chunk would be a second
      // file to require, which the sandbox cannot load).
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: {
          index: resolve('src-main/preload.ts'),
          'client-view': resolve('src-main/client-view-preload.ts'),
        },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified; minified, the start screen's scripts are
      // less than half the size and parse faster (docs/benchmarks.md, start screen).
      minify: true,
      rolldownOptions: {
        input: {
          index: resolve('src-renderer/index.html'),
          'client-view': resolve('src-renderer/client-view.html'),
        },
      },
    },
    worker: { format: 'es' },
    plugins: [react()],
  },
});
