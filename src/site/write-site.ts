import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { build as astroBuild } from 'astro';
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

/** The Kitpress folder: Astro's root, where `astro.config.mjs` and `src/pages` live. */
const astroRoot = fileURLToPath(new URL('../../', import.meta.url));

let queue: Promise<unknown> = Promise.resolve();

/**
 * Builds the website for every locale into `outDir`: prepares every page from the model,
 * runs Astro on it, then adds fonts, images, `sitemap.xml` and `robots.txt`.
 * The offline kit sizes on the downloads pages are filled in later by `fillKitSizes`.
 */
export async function writeSite(context: WriterContext & { handouts: HandoutFile[] }): Promise<SiteModel> {
  const { toolkit, outDir } = context;
  const model = buildSiteModel(toolkit, context.handouts);
  // The model travels to the pages through a process-global: one site build at a time.
  const run = queue.then(() => runAstro(model, outDir, context.cacheDir));
  queue = run.catch(() => undefined);
  await run;
  await writeFonts(outDir, toolkit.locales.map((locale) => locale.font));
  await copyAssets(toolkit, context.contentDir, outDir);
  await writeSitemap(outDir, model);
  context.progress.info(`${model.routes.length + 1} pages in ${toolkit.locales.length} language(s)`);
  return model;
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
