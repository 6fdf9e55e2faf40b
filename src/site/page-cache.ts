import { existsSync } from 'node:fs';
import { cp, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../core/write-atomic.ts';
import { fileURLToPath } from 'node:url';
import { canonicalJson, filesHash, hashOf } from '../core/content-hash.ts';
import type { SiteModel, SiteRoute } from './site-model.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let fingerprint: Promise<string> | undefined;

/**
 * A hash of what turns a route into HTML besides the route itself: the Astro pages, layouts,
 * components, styles and site helpers, the Astro config and the installed packages (the lock).
 */
export function siteFingerprint(): Promise<string> {
  fingerprint ??= filesHash(repoRoot, ['src/site/**/*', 'src/pages/**/*', 'src/layouts/**/*', 'src/components/**/*', 'src/styles/**/*', 'astro.config.mjs', 'package-lock.json']);
  return fingerprint;
}

/** The built file of a route, relative to the site root. */
export function routeFile(route: SiteRoute): string {
  return route.kind === 'not-found' ? '404.html' : `${route.path}index.html`;
}

/**
 * The cache key of a route's page: a hash of the route (every text and link it prints), the
 * script every page inlines, the site address and the site fingerprint. Note: the layout reads
 * nothing else from the model, so a page whose route did not change comes out the same.
 * `stable` turns the text of the route before it is hashed (see `openPageCache`).
 */
export function routeKey(site: string, model: SiteModel, route: SiteRoute, stable: (text: string) => string = (text) => text): string {
  return hashOf(site, model.toolkit.siteUrl, model.quickExitScript, stable(canonicalJson(route)));
}

/**
 * Swaps the names of hashed files (`js/search-en-1a2b3c4d5e.js`) for fixed ones and back. Every
 * page of a locale links its search index, whose name changes with any of the locale's text; the
 * cache keeps pages with the fixed name, so one changed page does not rebuild all the others.
 */
function nameSwap(paths: string[]): { toFixed: (text: string) => string; toHashed: (text: string) => string } {
  const pairs = paths.map((path) => {
    const name = path.split('/').pop()!;
    return [name, name.replace(/-[0-9a-f]{10}\.js$/, '-kitpress-hashed.js')] as const;
  }).filter(([name, fixed]) => name !== fixed);
  const swap = (text: string, from: 0 | 1) => pairs.reduce((out, pair) => out.replaceAll(pair[from], pair[1 - from]!), text);
  return { toFixed: (text) => swap(text, 0), toHashed: (text) => swap(text, 1) };
}

/** Cached pages and the files Astro writes beside them (`_astro/`), under `<cacheDir>/site/`. */
export interface PageCache {
  /** The cache key of a route's page. */
  key(model: SiteModel, route: SiteRoute): string;
  /** A cached page, or undefined. */
  page(key: string): Promise<Buffer | undefined>;
  /** Stores a built page. */
  storePage(key: string, html: Buffer): Promise<void>;
  /** True when the shared files of this fingerprint are stored. */
  hasShared(): boolean;
  /** Stores the shared files Astro wrote into `outDir` (the given site paths). */
  storeShared(outDir: string, paths: string[]): Promise<void>;
  /** Copies the stored shared files into `outDir`. */
  copyShared(outDir: string): Promise<void>;
}

/**
 * Opens the page cache of one site fingerprint and site address. `hashedFiles` are site files
 * named by their hash that pages link (the search indexes): pages are keyed and stored with
 * fixed names in their place, and get this build's names back when they are read.
 */
export function openPageCache(cacheDir: string, site: string, siteUrl: string, hashedFiles: string[] = []): PageCache {
  const names = nameSwap(hashedFiles);
  const pages = join(cacheDir, 'site', 'pages');
  const shared = join(cacheDir, 'site', 'shared', hashOf(site, siteUrl));
  const done = join(shared, '.complete');
  return {
    key: (model, route) => routeKey(site, model, route, names.toFixed),
    page: async (key) => {
      const html = await readFile(join(pages, `${key}.html`), 'utf8').catch(() => undefined);
      return html === undefined ? undefined : Buffer.from(names.toHashed(html));
    },
    storePage: (key, html) => writeFileAtomic(join(pages, `${key}.html`), names.toFixed(html.toString('utf8'))),
    hasShared: () => existsSync(done),
    async storeShared(outDir, paths) {
      for (const path of paths) await writeFileAtomic(join(shared, 'files', path), await readFile(join(outDir, path)));
      await writeFileAtomic(done, `${paths.join('\n')}\n`);
    },
    async copyShared(outDir) {
      const paths = (await readFile(done, 'utf8')).split('\n').filter(Boolean);
      for (const path of paths) {
        await mkdir(dirname(join(outDir, path)), { recursive: true });
        await cp(join(shared, 'files', path), join(outDir, path));
      }
    },
  };
}
