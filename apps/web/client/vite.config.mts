import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname);

/**
 * The SPA is built into dist/apps/web/public, next to the web server that serves it. The browser bundle may use
 * only the browser-safe parts of the libs: the vocabulary (labels) of @app/contracts and the reference data.
 */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@app/contracts/vocabulary', replacement: here('../../../libs/contracts/src/vocabulary.ts') },
      { find: '@app/reference-data', replacement: here('../../../libs/reference-data/src/index.ts') },
    ],
  },
  build: {
    outDir: here('../../../dist/apps/web/public'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  // `npm run dev:web`: hot reload against a running `npm start` (web server on :3000 proxies the services).
  server: { port: 5173, proxy: { '/svc': 'http://127.0.0.1:3000' } },
});
