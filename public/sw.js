// Lede's service worker: after the first visit, the app opens and works with no network.
//
// Install caches the app shell: index.html, every file it names (Trunk's hashed JS, wasm and
// CSS), and the worker's files, which the page starts at run time and index.html cannot name.
// Pages are fetched network-first, so a new deployment is picked up at once when online; files
// with a content hash in their name never change, so they are served from the cache first.
// Everything is relative to this file, so the app works under any sub-path.
const CACHE = 'lede-v1';
const SHELL = [
  './',
  './manifest.webmanifest',
  './lede-worker-loader.js',
  './lede-worker.js',
  './lede-worker_bg.wasm',
  './icons/icon-192.png',
];
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const response = await fetch('./', { cache: 'no-cache' });
    const html = await response.clone().text();
    await cache.put('./', response);
    // The release page is minified: its attribute values may come without quotation marks.
    const named = [...html.matchAll(/\b(?:href|src)=["']?(\.\/[^"'\s>#?]+)/g)].map((m) => m[1]);
    await cache.addAll([...new Set([...SHELL.slice(1), ...named])]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The share link's article is in the fragment, which never reaches here: any page of the
    // app is the cached shell.
    event.respondWith(networkFirst(request, new URL('./', self.registration.scope).href));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request, request));
  }
});

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request, fallback) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(CACHE)).put(fallback, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(fallback, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}
