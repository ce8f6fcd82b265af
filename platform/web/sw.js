// Service worker: lets peerobs open with no network. It precaches the app shell of ONE build under a cache named
// after that build, answers shell requests from that cache, and never touches sync (/v1/) or anything not a GET.
// A new build changes the id below (CMake configure_file, with @ONLY: this file avoids the dollar-brace form on
// purpose), so the browser installs a new worker, which fills a new cache completely before it takes over
// (skipWaiting + clients.claim) and deletes the old one. An open page keeps running the build it started with:
// it loads peerobs.js, .wasm, .data and its thread workers at start, long before a new build's cache is filled.
'use strict';

const BUILD_ID = '@PEEROBS_BUILD_ID@';
const CACHE_PREFIX = 'peerobs-shell-';
const CACHE_NAME = CACHE_PREFIX + BUILD_ID;
// Script fonts (fonts/*: Arabic, CJK...) are fetched by the app only when a script first appears; each one
// fetched is kept here, outside the build's cache, so a new build does not download 20 MB of CJK again and a
// script seen once shows offline. The files are Debian's Noto fonts; a new name is a new file.
const FONT_CACHE_NAME = 'peerobs-fonts-1';

// Every file the page needs to start, relative to this worker (the output folder). Keep in step with the
// CMake copy step and with index.html / manifest.webmanifest.
const SHELL = [
  './',
  'index.html',
  'boot.js',
  'peerobs.js',
  'peerobs.wasm',
  'peerobs.worker.js',
  'peerobs.data',
  'manifest.webmanifest',
  'icon-192.png',
  'icon-512.png',
  'icon-maskable-512.png',
  'apple-touch-icon-180.png',
];
const SHELL_PATHS = new Set(SHELL.map((u) => new URL(u, self.location).pathname));
const INDEX_URL = new URL('index.html', self.location).href;

self.addEventListener('install', (event) => {
  console.log('[peerobs sw] installing build ' + BUILD_ID);
  // addAll stores the hub's real responses, headers included: COOP/COEP must come back with a cached page or
  // the page is not cross-origin isolated and the threads cannot start. addAll is all-or-nothing, so a failed
  // download leaves the old build in charge. 'no-cache' revalidates with the hub (cheap 304s on a first visit,
  // never a stale file from the HTTP cache).
  event.waitUntil(
    caches.open(CACHE_NAME)
      .then((cache) => cache.addAll(SHELL.map((u) => new Request(u, { cache: 'no-cache' }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener('activate', (event) => {
  // Only our own caches: other code of this origin may keep caches of its own.
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names
        .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
      .then(() => console.log('[peerobs sw] build ' + BUILD_ID + ' active'))
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;                 // writes always go to the hub
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.includes('/v1/')) return;            // sync must reach the network, never a cache
  if (new URL('fonts/', self.location).pathname === url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1)) {
    event.respondWith(font_response(request));
    return;
  }
  const navigation = request.mode === 'navigate';
  if (!navigation && !SHELL_PATHS.has(url.pathname)) return;  // not ours: the browser fetches it as usual
  event.respondWith(shell_response(request, navigation));
});

// Cache first (the app opens at once even on weak Wi-Fi), then the network. Offline, a navigation to any other
// address in scope is sent to the app's own address, so the cached page loads with its relative URLs intact.
async function shell_response(request, navigation) {
  const cache = await caches.open(CACHE_NAME);
  // ignoreSearch: "/?from=homescreen" is still the page; ignoreVary: a navigation's Accept differs from addAll's.
  const options = { ignoreSearch: true, ignoreVary: true };
  const hit = await cache.match(request, options);
  if (hit) return servable(hit);
  try {
    return await fetch(request);
  } catch (err) {
    if (navigation && (await cache.match(INDEX_URL, options))) {
      return Response.redirect(self.registration.scope, 302);
    }
    throw err;
  }
}

// Cache first; a font fetched once is kept (only a complete 200, never an error page).
async function font_response(request) {
  const cache = await caches.open(FONT_CACHE_NAME);
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.status === 200) await cache.put(request, response.clone());
  return response;
}

// Browsers refuse a redirected response as the answer to a navigation (e.g. if the hub redirects "/" to
// "/index.html"). Copy such a response into a plain one; status and headers (COOP/COEP) are kept as they are.
function servable(response) {
  if (!response.redirected) return response;
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
