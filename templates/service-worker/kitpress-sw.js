// The Kitpress service worker, after Workbox's own prebuilt runtime (core, routing, strategies,
// precaching). Kitpress fills in the settings and the precache manifest (the argument below).
(function (workbox, settings) {
  'use strict';
  workbox.core.setCacheNameDetails({ prefix: settings.cacheId });
  self.skipWaiting();
  workbox.core.clientsClaim();
  workbox.precaching.precacheAndRoute(settings.manifest, { directoryIndex: 'index.html' });
  // A page that is not precached comes from the network, and only when that fails (offline) the
  // not-found page. Downloads (zips) are never answered with a page.
  workbox.routing.registerRoute(
    function (options) {
      return options.request.mode === 'navigate' && !/\.(?!html$)[^./]+$/i.test(options.url.pathname);
    },
    new workbox.strategies.NetworkOnly({ plugins: [new workbox.precaching.PrecacheFallbackPlugin({ fallbackURL: settings.fallbackURL })] }),
    'GET',
  );
})(self.workbox, __KITPRESS_SW__);
