// Vite builds the web app from web/ into web/dist, which the coffeechat server serves with an SPA
// fallback. In development, /api is proxied to a server started with `coffeechat serve`.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const routerDist = join(dirname(createRequire(import.meta.url).resolve('react-router/package.json')), 'dist', 'production');

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // React Router's package exports point at its development build (extra checks and warnings)
    // for every bundler; the production build is the same code with those switched off.
    alias: [
      { find: /^react-router$/, replacement: join(routerDist, 'index.mjs') },
      { find: /^react-router\/dom$/, replacement: join(routerDist, 'dom-export.mjs') },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // The libraries as chunks of their own: the browser downloads and compiles several files
        // in parallel, which brought the first render forward on a 2-core machine.
        manualChunks: (id) =>
          /node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)
            ? 'react'
            : /node_modules[\\/]react-router[\\/]/.test(id)
              ? 'router'
              : /node_modules[\\/]@tanstack[\\/]/.test(id)
                ? 'query'
                : undefined,
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:5454', changeOrigin: false },
    },
  },
});
