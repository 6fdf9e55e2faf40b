import type { Plugin } from 'vite';
import { writeFileAtomic } from '../../core/write-atomic.ts';
import type { SiteRoute } from '../site-model.ts';

/** The id the Astro pages import the prepared site from. */
export const VIRTUAL_SITE_ID = 'virtual:kitpress/site';
// Note: named as JSON, so Vite loads it with its JSON plugin (see `load`).
const RESOLVED_ID = `\0${VIRTUAL_SITE_ID}.json`;
/** The module a build gets instead: a few lines that read the site from a file. */
const RESOLVED_FILE_ID = `\0${VIRTUAL_SITE_ID}.mjs`;

/** What the pages read: every route, the 404 page, the quick-exit script and, in dev, the problems to show. */
export interface VirtualSite {
  routes: SiteRoute[];
  notFound: SiteRoute;
  quickExitScript: string;
  /** Problems in the content, shown on every page by the dev server (always empty in a build). */
  problems: { where: string; severity: string; message: string; hint: string }[];
}

/**
 * Where the plugin gets the site from: `current()` is called each time the module is (re)loaded.
 * `file` is a build's file for the site, in its work folder: the module reads it when the pages are
 * prerendered, instead of carrying it; it is written from `current()`, or, without one, holds the
 * site already. Without `file` (the dev server) the module is the site itself.
 */
export type SiteSource = { current(): VirtualSite | Promise<VirtualSite>; file?: string | undefined } | { current?: undefined; file: string };

/**
 * A Vite plugin serving the prepared site as the virtual module `virtual:kitpress/site`,
 * the way Starlight serves `virtual:starlight/user-config`: no process globals.
 */
export function virtualSitePlugin(source: SiteSource): Plugin {
  return {
    name: 'kitpress:virtual-site',
    resolveId(id) {
      if (id !== VIRTUAL_SITE_ID) return undefined;
      return source.file ? RESOLVED_FILE_ID : RESOLVED_ID;
    },
    async load(id) {
      if (id === RESOLVED_FILE_ID && source.file) {
        // Note: bundled, the site was one string of JSON in Astro's server bundle (28 MB at 20
        // locales x 50 pages), parsed by the bundler and again by Node: about 500 MB more at peak.
        if (source.current) await writeFileAtomic(source.file, JSON.stringify(await source.current()));
        return { code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(source.file)}, 'utf8'));\n`, map: { mappings: '' } };
      }
      if (id !== RESOLVED_ID || !source.current) return undefined;
      const site = await source.current();
      // Note: the site is data. Served as JSON, Vite's JSON plugin makes it `export default
      // JSON.parse(...)` and its server-side step only renames the export: a module of JavaScript
      // this size is parsed again, with a source map made for it, on every reload of the dev server.
      return { code: JSON.stringify(site), map: { mappings: '' } };
    },
  };
}

/** The id Vite gives the virtual module in its module graph (to invalidate it on a change). */
export const RESOLVED_VIRTUAL_SITE_ID = RESOLVED_ID;
