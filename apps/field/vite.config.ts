import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const SERVICE_WORKER_ENTRY = 'service-worker';

/**
 * Builds the service worker as its own entry, `sw.js` at the app's base, and writes the list of
 * the built files (and a build id from their names) into it, so each release caches exactly its
 * own files and replaces the previous release's cache. No runtime dependency, no CDN.
 */
function serviceWorker(): Plugin {
  return {
    name: 'openpatrol-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const worker = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.name === SERVICE_WORKER_ENTRY,
      );
      if (!worker || worker.type !== 'chunk') throw new Error('the service worker was not built');
      // Files in public/ (the web app manifest, icons) are copied as they are, outside the bundle.
      const publicFiles = readdirSync(new URL('public', import.meta.url));
      const files = [...Object.keys(bundle), ...publicFiles]
        .filter((name) => name !== worker.fileName && !name.endsWith('.map'))
        .sort();
      const buildId = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      worker.code = worker.code
        .replaceAll('__PRECACHE_MANIFEST__', JSON.stringify(files))
        .replaceAll('__BUILD_ID__', JSON.stringify(buildId));
    },
  };
}

export default defineConfig({
  base: '/field/',
  plugins: [react(), serviceWorker()],
  build: {
    rolldownOptions: {
      input: { index: 'index.html', [SERVICE_WORKER_ENTRY]: 'src/offline/service-worker.ts' },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === SERVICE_WORKER_ENTRY ? 'sw.js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    // `npm run dev` here talks to the API server started by `npm run dev` at the root.
    proxy: { '/api': 'http://localhost:8080' },
  },
});
