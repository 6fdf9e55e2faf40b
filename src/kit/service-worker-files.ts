/**
 * Names of the files the service worker step adds to the hosted site. The kits leave
 * them out: a service worker cannot run from file://, and its registration must not try.
 */
export const serviceWorkerFiles = {
  /** The worker itself, at the site root. */
  worker: 'sw.js',
  /** The classic script every hosted page loads to register the worker. */
  register: 'sw-register.js',
  /** Attribute that marks the registration `<script>` in the built HTML. */
  marker: 'data-kitpress-sw',
  /** The same attribute as hast names it. */
  markerProperty: 'dataKitpressSw',
  /** True for a site path the service worker step wrote. */
  matches(path: string): boolean {
    return path === 'sw.js' || path === 'sw.js.map' || path === 'sw-register.js' || /^workbox-[\w-]+\.js(\.map)?$/.test(path);
  },
} as const;
