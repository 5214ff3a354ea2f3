/**
 * The field app's service worker: keeps the app's own files on the phone so it opens and works
 * without a connection. Data is not cached here: the app keeps executions and its write queue in
 * IndexedDB itself, and API requests always go to the network.
 *
 * Built as its own entry (`sw.js` at the app's base, so its scope is the whole app); the build
 * writes the list of the app's files into `__PRECACHE_MANIFEST__` (see vite.config.ts).
 */

declare const __PRECACHE_MANIFEST__: readonly string[];
declare const __BUILD_ID__: string;

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface WorkerScope {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const CACHE_PREFIX = 'openpatrol-field-';
const CACHE_NAME = `${CACHE_PREFIX}${__BUILD_ID__}`;
const scope = new URL(worker.registration.scope);
const indexUrl = new URL('index.html', scope).href;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      // `cache: 'reload'` skips the HTTP cache, so a new version never stores an old file.
      const urls = new Set([
        indexUrl,
        ...__PRECACHE_MANIFEST__.map((file) => new URL(file, scope).href),
      ]);
      await cache.addAll([...urls].map((url) => new Request(url, { cache: 'reload' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin) return;
  if (!url.pathname.startsWith(scope.pathname) || url.pathname.startsWith('/api/')) return;

  if (request.mode === 'navigate') {
    // Pages: the server's current app when it answers, the phone's copy when it does not.
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(indexUrl)) ?? Response.error()),
    );
    return;
  }
  // The app's files have content hashes in their names: the copy on the phone is always right.
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
});
