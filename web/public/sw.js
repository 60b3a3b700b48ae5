/*
 * Kitout's service worker: the app opens without a network.
 *
 * - The app shell (index.html and the hashed files it loads) is kept in a cache when the worker installs,
 *   and refreshed from the network whenever there is one (pages network-first, hashed assets cache-first).
 * - A few API reads a form session needs (who is signed in, the forms, the intake and its roster pages) are
 *   answered from the network when it answers within a few seconds, else from the last copy. The app keeps
 *   its own copies in IndexedDB too; this covers what it reads before it can use them (the session check).
 * - Writes are never touched: the outbox in IndexedDB, not this worker, is what keeps unsent answers.
 * - Signing in or out clears the API copies, so one person's data is not shown to the next.
 */
const SHELL = 'kitout-shell-v1';
const DATA = 'kitout-data-v1';
const NETWORK_WAIT_MS = 4000;

const API_READS = [
  /^\/api\/auth\/me$/,
  /^\/api\/forms$/,
  /^\/api\/forms\/[^/]+$/,
  /^\/api\/intakes$/,
  /^\/api\/intakes\/[^/]+$/,
  /^\/api\/intakes\/[^/]+\/people$/,
  /^\/api\/intakes\/[^/]+\/progress$/,
  /^\/api\/sites$/,
  // Issue stations: the list of stations (the pack itself is kept by the station in IndexedDB).
  /^\/api\/stations$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL, DATA]);
      for (const name of await caches.keys()) if (!keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function precacheShell() {
  const cache = await caches.open(SHELL);
  const res = await fetch('/index.html', { cache: 'no-store' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put('/index.html', res);
  const assets = new Set(['/favicon.svg', '/manifest.webmanifest']);
  for (const m of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) assets.add(m[1]);
  await Promise.all(
    [...assets].map((url) =>
      cache.add(new Request(url, { cache: 'no-store' })).catch(() => undefined),
    ),
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') {
    if (url.pathname === '/api/auth/login' || url.pathname === '/api/auth/logout')
      event.waitUntil(caches.delete(DATA));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    const readable = API_READS.some((re) => re.test(url.pathname)) && !url.searchParams.has('q');
    if (readable) event.respondWith(apiRead(request));
    return;
  }
  if (url.pathname === '/favicon.svg' || url.pathname === '/manifest.webmanifest')
    event.respondWith(asset(request));
});

/** A page: the network's answer when there is one (and keep it as the shell), else the kept shell. */
async function page(request) {
  const cache = await caches.open(SHELL);
  try {
    const res = await fetch(request);
    if (res.ok && (res.headers.get('content-type') || '').includes('text/html'))
      await cache.put('/index.html', res.clone());
    return res;
  } catch (err) {
    const kept = await cache.match('/index.html');
    if (kept) return kept;
    throw err;
  }
}

/** A hashed file never changes: the kept copy if there is one, else the network's (then kept). */
async function asset(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

/** An API read: the network's answer within a few seconds (kept), else the last kept answer. */
async function apiRead(request) {
  const cache = await caches.open(DATA);
  const network = fetch(request).then(async (res) => {
    if (res.ok) await cache.put(request, res.clone());
    else if (res.status === 401 || res.status === 403) await cache.delete(request);
    return res;
  });
  // Answered from the kept copy after the wait, the late network answer still refreshes the copy.
  network.catch(() => undefined);
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, undefined));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
    const kept = await cache.match(request);
    return kept || (await network);
  } catch (err) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw err;
  }
}
