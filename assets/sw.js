// Dialoglab's service worker: precaches the build's files and serves them cache-first, so the site
// works offline after the first visit, from any origin and any sub-path (every URL is relative to
// this file). It only ever answers same-origin GET requests; anything else goes to the network
// untouched. scripts/sw-manifest.mjs (a Trunk post_build hook) fills in BUILD and ASSETS.
'use strict';

const BUILD = 'dev';
const ASSETS = ['./', 'index.html'];
const PREFIX = 'dialoglab-';
const CACHE = PREFIX + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(ASSETS.map((a) => new Request(a, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith(PREFIX) && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page of the app is index.html; the query and fragment carry the scenario.
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })
        .then((hit) => hit || cache.match('./'))
        .then((hit) => hit || fetch(request))),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request).then((hit) => hit || fetch(request).then((response) => {
      if (response.ok && response.type === 'basic') cache.put(request, response.clone());
      return response;
    }))),
  );
});
