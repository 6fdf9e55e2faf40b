import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { KitpressError, formatDiagnostic } from '../core/diagnostics/diagnostic.ts';
import type { Toolkit } from '../core/model.ts';
import type { HandoutFile } from '../core/outputs.ts';
import { readToolkit } from '../core/read-toolkit.ts';
import { writeHandouts } from '../pdf/write-handouts.ts';
import { writeGuides } from '../pdf/write-guides.ts';
import { buildSiteModel } from '../site/build-routes.ts';
import { siteIntegration } from '../site/astro/integration.ts';
import { toVirtualSite } from '../site/astro/to-virtual-site.ts';
import type { VirtualSite } from '../site/astro/virtual-site.ts';
import type { SiteModel } from '../site/site-model.ts';
import { finishSite } from '../site/write-site.ts';
import { bundleClientScript, writeSiteFile } from '../site/client-script.ts';
import { buildSearchIndexes } from '../site/search-index.ts';
import { writeServiceWorker } from '../kit/service-worker.ts';
import { writeKits } from '../kit/write-kits.ts';
import { fillKitSizes } from '../kit/kit-sizes.ts';
import { writeHostHeaders } from '../site/host-headers.ts';
import { fillOfflineSize } from '../site/offline-size.ts';
import { createProgress } from './progress.ts';
import type { WriterContext } from './writer-context.ts';

/** Options of `kitpress()` in `astro.config.mjs`; paths are relative to the Astro root. */
export interface KitpressOptions {
  /** The content folder (default `content`). */
  content?: string;
  /** The cache folder for unchanged handouts and Astro's working files (default `.kitpress-cache`). */
  cache?: string;
}

/**
 * Kitpress for `astro build` and `astro dev` started in the Kitpress folder: it reads the
 * content, and around Astro's pages writes what `kitpress build` writes (handouts, fonts,
 * sitemap, service worker, kits), so both give the same output. `astro dev` starts the
 * same live preview as `kitpress dev`.
 */
export function kitpress(options: KitpressOptions = {}): AstroIntegration {
  let inner: AstroIntegration | undefined;
  const hooks: AstroIntegration['hooks'] = {};
  const delegate = <K extends keyof AstroIntegration['hooks']>(name: K) =>
    (async (params: never) => {
      const hook = inner?.hooks[name] as ((p: never) => unknown) | undefined;
      await hook?.(params);
    }) as NonNullable<AstroIntegration['hooks'][K]>;
  for (const name of ['astro:config:done', 'astro:server:setup', 'astro:server:start', 'astro:server:done', 'astro:build:start', 'astro:build:done'] as const) {
    (hooks as Record<string, unknown>)[name] = delegate(name);
  }
  hooks['astro:config:setup'] = async (params) => {
    const root = fileURLToPath(params.config.root);
    const contentDir = resolve(root, options.content ?? 'content');
    const cacheDir = resolve(root, options.cache ?? '.kitpress-cache');
    if (params.command === 'dev') {
      const { devIntegration } = await import('../site/dev/dev-integration.ts');
      inner = (await devIntegration({ contentDir, cacheDir })).integration;
    } else {
      inner = await standaloneBuild(contentDir, cacheDir);
    }
    await inner.hooks['astro:config:setup']?.(params);
  };
  return { name: 'kitpress', hooks };
}

/** `astro build`: handouts before the pages, the rest of the Kitpress output after. */
async function standaloneBuild(contentDir: string, cacheDir: string): Promise<AstroIntegration> {
  const { toolkit, diagnostics } = await readToolkit(contentDir);
  if (!toolkit) {
    const list = diagnostics.sorted().map((d) => formatDiagnostic(d, contentDir)).join('\n');
    throw new KitpressError(`The content has errors, so nothing was built:\n${list}`, 'Fix the errors listed above (npm run check), then build again.');
  }
  const progress = createProgress();
  await mkdir(join(cacheDir, 'astro'), { recursive: true });
  const workDir = await mkdtemp(join(cacheDir, 'astro', 'build-'));
  let outDir = '';
  let script: Awaited<ReturnType<typeof bundleClientScript>> | undefined;
  let indexes: ReturnType<typeof buildSearchIndexes> = [];
  let handouts: HandoutFile[] = [];
  let model: SiteModel | undefined;
  let site: VirtualSite | undefined;
  const context = (): WriterContext => ({ toolkit, diagnostics, outDir, cacheDir, contentDir, progress });
  return siteIntegration({
    siteUrl: toolkit.siteUrl,
    workDir,
    source: { current: () => site ?? prepare(toolkit, handouts) },
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async () => {
        handouts = await progress.stage('pdf handouts', () => writeHandouts(context()));
        if (diagnostics.hasErrors) throw new KitpressError('Some handouts could not be printed.', 'Fix the errors listed above, then build again.', diagnostics.sorted());
        const guides = await progress.stage('facilitator guides', () => writeGuides(context()));
        // The site's one script and its search indexes, as `kitpress build` writes them (src/site/write-site.ts).
        script = await bundleClientScript({ cacheDir });
        indexes = buildSearchIndexes(toolkit);
        model = buildSiteModel(toolkit, handouts, { script: script.path, searchIndex: Object.fromEntries(indexes.map((i) => [i.locale, i.path])) }, guides);
        site = toVirtualSite(model);
      },
      'astro:build:done': async () => {
        try {
          await writeSiteFile(outDir, script!.path, script!.code);
          for (const index of indexes) await writeSiteFile(outDir, index.path, index.code);
          await finishSite(model!, contentDir, outDir);
          const worker = await progress.stage('service worker', () => writeServiceWorker(context()));
          await fillOfflineSize(outDir, worker.bytes);
          const kits = await progress.stage('offline kits', () => writeKits({ ...context(), handouts }));
          await fillKitSizes(outDir, kits);
          // Last, as in the pipeline: the kits leave these out.
          await writeHostHeaders(outDir, toolkit);
        } finally {
          await rm(workDir, { recursive: true, force: true });
        }
      },
    },
  });
}

function prepare(toolkit: Toolkit, handouts: HandoutFile[]): VirtualSite {
  return toVirtualSite(buildSiteModel(toolkit, handouts));
}
