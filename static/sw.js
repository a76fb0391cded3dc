// tifa's service worker: the site keeps working offline after the first visit.
//
// Network first, cache as fallback: online, every file comes fresh from the server (so a
// newly published build is used at once, never a stale copy); offline, the last copy
// serves. The cache is named after the build, and old builds' caches are deleted when a
// new worker activates. The app shell, the lexicon, the phrase table, the corpus index and every corpus text
// are cached at install, so two bundled documents can be compared with no network.
// BUILD and ASSETS are filled in by scripts/sw.mjs at build time.
const BUILD = 'dev';
const ASSETS = [];
const CACHE = `tifa-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(['./', 'index.html', 'lexicon.tsv', 'zh_words.txt', 'phrases.tsv', 'corpus/index.json', ...ASSETS]);
    const index = await (await fetch('corpus/index.json', { cache: 'no-store' })).json();
    await cache.addAll(index.documents.map((d) => `corpus/${d.file}`));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('tifa-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(event.request);
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
      }
      return response;
    } catch (offline) {
      const cached = await caches.match(event.request, { ignoreSearch: true });
      if (cached) return cached;
      throw offline;
    }
  })());
});
