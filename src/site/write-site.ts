import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { glob } from 'tinyglobby';
import type { ListedGuide, ListedHandout } from '../core/outputs.ts';
import type { WriterContext } from '../build/writer-context.ts';
import { copyAssets } from './assets.ts';
import { bundleClientScript, writeSiteFile } from './client-script.ts';
import { buildSearchIndexes } from './search-index.ts';
import { buildSiteModel } from './build-routes.ts';
import { writeFonts } from './fonts.ts';
import type { FontFamily } from '../core/model.ts';
import type { SiteModel } from './site-model.ts';
import { writeSitemap } from './sitemap.ts';
import { writeBrandingFiles } from './branding-files.ts';
import { openPageCache, routeFile, siteFingerprint } from './page-cache.ts';
import { buildPages } from './astro/build-pages.ts';

/**
 * Builds the website for every locale into `outDir`: prepares every page from the model,
 * runs Astro on the pages that changed since the last build (the rest come from
 * `<cacheDir>/site/`), then adds the site's script, fonts, images, `sitemap.xml` and `robots.txt`.
 * The offline kit sizes on the downloads pages are filled in later by `fillKitSizes`, and so are
 * the facts of PDFs listed before they were printed (`fillPdfFacts`).
 */
export async function writeSite(context: WriterContext & { handouts: readonly ListedHandout[]; guides?: readonly ListedGuide[] | undefined }): Promise<SiteModel> {
  const { toolkit, outDir } = context;
  const script = await bundleClientScript({ cacheDir: context.cacheDir });
  const indexes = buildSearchIndexes(toolkit);
  const model = buildSiteModel(toolkit, context.handouts, { script: script.path, searchIndex: Object.fromEntries(indexes.map((i) => [i.locale, i.path])) }, context.guides ?? []);
  const pages = await writePages(model, outDir, context.cacheDir, indexes.map((index) => index.path));
  await writeSiteFile(outDir, script.path, script.code);
  for (const index of indexes) await writeSiteFile(outDir, index.path, index.code);
  await finishSite(model, context.contentDir, outDir);
  const all = model.routes.length + 1;
  context.progress.info(`${all} pages in ${toolkit.locales.length} language(s): ${pages.built} built by Astro, ${all - pages.built} from the page cache`);
  return model;
}

/** The pages of a built site, relative to its root. */
export function siteFiles(model: SiteModel): string[] {
  return [...model.routes, model.notFound].map(routeFile);
}

/** What the site needs beside Astro's pages: fonts, images, `sitemap.xml` and `robots.txt`. */
export async function finishSite(model: SiteModel, contentDir: string, outDir: string): Promise<void> {
  // The text of each family's locales (pages, interface words, hotlines): what its characters are chosen from.
  const usedText: Partial<Record<FontFamily, string>> = {};
  for (const locale of model.toolkit.locales) usedText[locale.font] = (usedText[locale.font] ?? '') + JSON.stringify([locale, model.toolkit.organisation]);
  await writeFonts(outDir, model.toolkit.locales.map((locale) => locale.font), usedText);
  await copyAssets(model.toolkit, contentDir, outDir);
  await writeSitemap(outDir, model);
  await writeBrandingFiles(model.toolkit, contentDir, outDir);
}

/**
 * Writes every route's page: pages whose route did not change since a build come from the page
 * cache, Astro builds the rest (and is not run at all when nothing changed).
 */
async function writePages(model: SiteModel, outDir: string, cacheDir: string, hashedFiles: string[]): Promise<{ built: number }> {
  const site = await siteFingerprint();
  const cache = openPageCache(cacheDir, site, model.toolkit.siteUrl, hashedFiles);
  const routes = [...model.routes, model.notFound];
  const keys = routes.map((route) => cache.key(model, route));
  const cached = await Promise.all(keys.map((key) => cache.page(key)));
  const missing = new Set(routes.filter((_, i) => !cached[i]));
  const runAstroNow = missing.size > 0 || !cache.hasShared();
  if (runAstroNow) {
    // Note: Astro writes into a folder of its own, moved into place after: the PDFs may be
    // printing into `outDir` meanwhile, and everything in this folder is Astro's.
    const astroOut = join(outDir, ASTRO_OUT);
    // Note: Astro always builds the not-found page; the other pages only when they are missing.
    const subset: SiteModel = { ...model, routes: model.routes.filter((route) => missing.has(route)) };
    await buildPages(subset, astroOut, join(cacheDir, 'astro'), { thread: subset.routes.length >= ASTRO_THREAD_PAGES });
    const built = new Set([...subset.routes, model.notFound].map(routeFile));
    const written = (await listFiles(astroOut)).sort();
    for (const path of written) {
      await mkdir(dirname(join(outDir, path)), { recursive: true });
      await rename(join(astroOut, path), join(outDir, path));
    }
    await rm(astroOut, { recursive: true, force: true });
    await cache.storeShared(outDir, written.filter((path) => !built.has(path)));
    for (const [i, route] of routes.entries()) {
      if (missing.has(route) || route === model.notFound) await cache.storePage(keys[i]!, await readFile(join(outDir, routeFile(route))));
    }
  } else await cache.copyShared(outDir);
  for (const [i, route] of routes.entries()) {
    if (runAstroNow && (missing.has(route) || route === model.notFound)) continue;
    const file = join(outDir, routeFile(route));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, cached[i]!);
  }
  return { built: runAstroNow ? model.routes.filter((route) => missing.has(route)).length + 1 : 0 };
}

/**
 * From this many pages to build, Astro runs in a thread of its own, whose memory goes when it ends.
 * Note: in a thread the website stage took 1.5-3 CPU-s more (a one-paragraph edit of the default
 * content, 6.4-6.9 -> 8.7-9.8 CPU-s; 1000 pages, 11.5 -> 13.0), not in loading Astro, which took the
 * same there; an edit's wall time grew by about a third. What Astro leaves behind matters at a large
 * build: about 130 MB after 1000 pages.
 */
const ASTRO_THREAD_PAGES = 500;

/** The folder of `outDir` Astro builds into, before its files are moved into place. */
const ASTRO_OUT = '.kitpress-astro';

/** Every file under `dir`, by path relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  return glob('**/*', { cwd: dir, onlyFiles: true, dot: true });
}
