import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { webAppManifest } from './pwa.config';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const workspaceRoot = path.resolve(webRoot, '../..');
// In development the API runs separately; the browser still sees one origin.
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  plugins: [
    react(),
    VitePWA({
      // The app registers the worker itself (src/app/pwa), asking before it swaps in a new version.
      injectRegister: null,
      registerType: 'prompt',
      manifest: webAppManifest,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      workbox: {
        // The app shell: every built file, so a reload with the network off still starts the app.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: 'index.html',
        // The API, its docs and the socket are never the app shell.
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/socket\.io(\/|$)/, /^\/metrics$/],
        cleanupOutdatedCaches: true,
        // The vendor chunk is larger than Workbox's 2 MB default.
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
      },
    }),
  ],
  resolve: {
    alias: {
      '@storyos/contracts': path.join(workspaceRoot, 'libs/contracts/src/index.ts'),
      // The rules the API enforces (readiness, limits), imported rather than copied.
      '@storyos/domain': path.join(workspaceRoot, 'libs/domain/src/index.ts'),
    },
  },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code; a separate chunk stays cached across releases.
        codeSplitting: {
          groups: [
            { name: 'mui', test: /node_modules[\\/]@(mui|emotion)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
});
