import type { Plugin } from 'vite';
import type { SiteRoute } from '../site-model.ts';

/** The id the Astro pages import the prepared site from. */
export const VIRTUAL_SITE_ID = 'virtual:kitpress/site';
// Note: named as JSON, so Vite loads it with its JSON plugin (see `load`).
const RESOLVED_ID = `\0${VIRTUAL_SITE_ID}.json`;

/** What the pages read: every route, the 404 page, the quick-exit script and, in dev, the problems to show. */
export interface VirtualSite {
  routes: SiteRoute[];
  notFound: SiteRoute;
  quickExitScript: string;
  /** Problems in the content, shown on every page by the dev server (always empty in a build). */
  problems: { where: string; severity: string; message: string; hint: string }[];
}

/** Where the plugin gets the site from; `current()` is called each time the module is (re)loaded. */
export interface SiteSource {
  current(): VirtualSite | Promise<VirtualSite>;
}

/**
 * A Vite plugin serving the prepared site as the virtual module `virtual:kitpress/site`,
 * the way Starlight serves `virtual:starlight/user-config`: no process globals.
 */
export function virtualSitePlugin(source: SiteSource): Plugin {
  return {
    name: 'kitpress:virtual-site',
    resolveId(id) {
      return id === VIRTUAL_SITE_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
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
