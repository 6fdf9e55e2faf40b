import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { HandoutFile } from '../core/outputs.ts';
import type { WriterContext } from '../build/writer-context.ts';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import { copyAssets } from './assets.ts';
import { buildSiteModel } from './build-routes.ts';
import { writeFonts } from './fonts.ts';
import { clearSiteModel, setSiteModel } from './model-store.ts';
import type { SiteModel } from './site-model.ts';
import { writeSitemap } from './sitemap.ts';
import { basePath } from './urls.ts';
import { openPageCache, routeFile, routeKey, siteFingerprint } from './page-cache.ts';
import { glob } from 'tinyglobby';

/** The Kitpress folder: Astro's root, where `astro.config.mjs` and `src/pages` live. */
const astroRoot = fileURLToPath(new URL('../../', import.meta.url));

let queue: Promise<unknown> = Promise.resolve();

/**
 * Builds the website for every locale into `outDir`: prepares every page from the model,
 * runs Astro on the pages that changed since the last build (the rest come from
 * `<cacheDir>/site/`), then adds fonts, images, `sitemap.xml` and `robots.txt`.
 * The offline kit sizes on the downloads pages are filled in later by `fillKitSizes`.
 */
export async function writeSite(context: WriterContext & { handouts: HandoutFile[] }): Promise<SiteModel> {
  const { toolkit, outDir } = context;
  const model = buildSiteModel(toolkit, context.handouts);
  const pages = await writePages(model, outDir, context.cacheDir);
  await writeFonts(outDir, toolkit.locales.map((locale) => locale.font));
  await copyAssets(toolkit, context.contentDir, outDir);
  await writeSitemap(outDir, model);
  const all = model.routes.length + 1;
  context.progress.info(`${all} pages in ${toolkit.locales.length} language(s): ${pages.built} built by Astro, ${all - pages.built} from the page cache`);
  return model;
}

/**
 * Writes every route's page: pages whose route did not change since a build come from the page
 * cache, Astro builds the rest (and is not run at all when nothing changed).
 */
async function writePages(model: SiteModel, outDir: string, cacheDir: string): Promise<{ built: number }> {
  const site = await siteFingerprint();
  const cache = openPageCache(cacheDir, site, model.toolkit.siteUrl);
  const routes = [...model.routes, model.notFound];
  const keys = routes.map((route) => routeKey(site, model, route));
  const cached = await Promise.all(keys.map((key) => cache.page(key)));
  const missing = new Set(routes.filter((_, i) => !cached[i]));
  const runAstroNow = missing.size > 0 || !cache.hasShared();
  if (runAstroNow) {
    const before = new Set(await listFiles(outDir));
    // The model travels to the pages through a process-global: one site build at a time.
    // Note: Astro always builds the not-found page; the other pages only when they are missing.
    const subset: SiteModel = { ...model, routes: model.routes.filter((route) => missing.has(route)) };
    const run = queue.then(() => runAstro(subset, outDir, cacheDir));
    queue = run.catch(() => undefined);
    await run;
    const built = new Set([...subset.routes, model.notFound].map(routeFile));
    const written = (await listFiles(outDir)).filter((path) => !before.has(path));
    await cache.storeShared(outDir, written.filter((path) => !built.has(path)).sort());
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

/** Every file under `dir`, by path relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  return glob('**/*', { cwd: dir, onlyFiles: true, dot: true });
}

async function runAstro(model: SiteModel, outDir: string, cacheDir: string): Promise<void> {
  // Astro would otherwise send anonymous usage data: a build must not talk to the network.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Note: Astro writes the bundled pages inside the working folder (or into outDir when outDir is
  // inside it) and imports them from there, so their imports of Astro's own packages resolve only
  // inside the Kitpress folder. Work from there, whatever folder `kitpress build` was started in.
  const cwd = process.cwd();
  const move = isMainThread && resolve(cwd) !== resolve(astroRoot);
  if (move) process.chdir(astroRoot);
  setSiteModel(model);
  try {
    // Loaded only when a page must be built: a build with every page cached never loads Astro.
    const { build: astroBuild } = await import('astro');
    await astroBuild({
      root: astroRoot,
      outDir,
      cacheDir: join(cacheDir, 'astro'),
      // Vite's own cache would otherwise go into node_modules/.vite, which may be read-only.
      vite: { cacheDir: join(cacheDir, 'vite') },
      site: model.toolkit.siteUrl,
      base: basePath(model.toolkit.siteUrl),
      logLevel: 'warn',
      mode: 'production',
    });
  } catch (error) {
    if (error instanceof KitpressError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new KitpressError(`The website could not be built: ${reason}`, 'This is most likely a bug in Kitpress, not in your content. Please report it with this message.');
  } finally {
    clearSiteModel();
    if (move) process.chdir(cwd);
  }
}
