// Static Astro settings for the Kitpress site. The site writer (src/site/write-site.ts)
// adds root, outDir, site and base at build time from the toolkit's configuration.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [],
  vite: {
    // Note: the site is built into a folder that already holds the PDF handouts.
    build: { emptyOutDir: false },
    logLevel: 'warn',
  },
});
