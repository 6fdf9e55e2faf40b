import type { AstroUserConfig } from 'astro';

/**
 * The Astro settings every Kitpress site is built with, whether Astro was started by
 * `kitpress build`, `kitpress dev` or `astro build`: static pages in folders with a
 * trailing slash, stylesheets as files (the CSP allows no inline style), nothing that
 * talks to the network.
 */
export const ASTRO_SETTINGS = {
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    // Note: the site is built into a folder that already holds the PDF handouts.
    build: { emptyOutDir: false },
    logLevel: 'warn',
    // The prepared site is one large JSON module: loaded as `JSON.parse` of a string (see virtual-site.ts).
    json: { stringify: true, namedExports: false },
  },
} satisfies AstroUserConfig;
