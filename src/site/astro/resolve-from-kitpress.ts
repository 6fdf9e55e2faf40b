import { isAbsolute, join } from 'node:path';
import type { Plugin } from 'vite';

/** A file in the Kitpress folder: packages are resolved as if imported from there. */
const anchor = join(import.meta.dirname, '../../../package.json');

const notAstro = (id: string) => !id.startsWith('astro');

const isBare = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !id.includes(':') && !id.startsWith('virtual:');

/**
 * Astro's root is a working folder of the build (see write-site.ts), which has no
 * `node_modules`: entry points Astro names by package (`astro/entrypoints/prerender`), and what Astro's virtual modules import, resolve from the
 * Kitpress folder instead. Imports from Kitpress's own files resolve as usual.
 */
export function resolveFromKitpress(workDir: string): Plugin {
  return {
    name: 'kitpress:resolve-from-kitpress',
    enforce: 'pre',
    async resolveId(id, importer, options) {
      // A file on disk outside the working folder resolves its own imports; entries and virtual modules do not.
      if (!isBare(id) || (importer !== undefined && isAbsolute(importer) && !importer.startsWith(workDir))) return null;
      return this.resolve(id, anchor, { ...options, skipSelf: true });
    },
    // Astro pre-bundles its dev toolbar's packages, named from the root; the toolbar is off.
    configEnvironment: {
      order: 'post',
      handler(name, config, env) {
        // The pages send no script of their own to the browser: nothing to pre-bundle for it.
        if (name === 'client') config.optimizeDeps = { ...config.optimizeDeps, noDiscovery: true, include: (config.optimizeDeps?.include ?? []).filter(notAstro), entries: [] };
        // A build bundles every package into the pages, so the bundle Astro writes outside the
        // Kitpress folder (in the cache) imports nothing it would have to find from there.
        if (env.command === 'build' && name !== 'client') config.resolve = { ...config.resolve, noExternal: true, external: [] };
      },
    },
  };
}
