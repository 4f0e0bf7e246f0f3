/**
 * Vite config of the explorer page: web/ is the root, the build goes to web/dist with relative
 * URLs (so it can be served from any path), and the page imports the library from its public
 * entry, ../src/index.ts.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { exampleSweeps } from './exampleSweeps.ts';

const web = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('..', import.meta.url));
const escaped = (path: string) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The library's modules have no side effects on import beyond checks that its name lists agree
 * (solvers/registry.ts, findings/registry.ts): a module none of whose exports the page uses is
 * left out, so importing the public entry costs only what is used (the worker needs no findings).
 */
const treeshake = { moduleSideEffects: [{ test: new RegExp(`^${escaped(repository)}src/`), sideEffects: false }] };

export default defineConfig({
  root: web,
  base: './',
  // Everything the page needs is bundled: no CDN, nothing fetched from outside the server.
  publicDir: false,
  logLevel: 'warn',
  plugins: [exampleSweeps()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // vega, vega-lite and zod make a large but single-load bundle; the fonts are files of their own.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: { treeshake },
  },
  worker: { format: 'es', rolldownOptions: { treeshake } },
  server: { host: '127.0.0.1', fs: { allow: [repository] } },
  preview: { host: '127.0.0.1' },
});
