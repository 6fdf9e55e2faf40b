import { join, resolve } from 'node:path';
import { readToolkit } from '../core/read-toolkit.ts';
import { openStoredPages } from '../core/stored-pages.ts';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import type { Diagnostics } from '../core/diagnostics/diagnostic.ts';
import type { Toolkit } from '../core/model.ts';
import type { GuideFile, HandoutFile, KitFile } from '../core/outputs.ts';
import { writeHandouts } from '../pdf/write-handouts.ts';
import { createPrintPool } from '../pdf/print-pool.ts';
import { writePreviews } from '../pdf/previews.ts';
import { writeGuides } from '../pdf/write-guides.ts';
import { writeSite } from '../site/write-site.ts';
import { writeKits } from '../kit/write-kits.ts';
import { writeServiceWorker } from '../kit/service-worker.ts';
import { fillKitSizes } from '../kit/kit-sizes.ts';
import { writeHostHeaders } from '../site/host-headers.ts';
import { fillOfflineSize } from '../site/offline-size.ts';
import { createStaging } from './atomic-output.ts';
import { checkOutputFolder } from './output-guard.ts';
import { KITPRESS_VERSION } from '../core/version.ts';
import type { Progress } from './progress.ts';

/** What a build needs to know. */
export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Where unchanged handouts are cached between builds. */
  cacheDir: string;
  progress: Progress;
  /** Worker threads for the PDF stage (default: one per core). */
  workers?: number;
}

/** What a successful build produced. */
export interface BuildResult {
  toolkit: Toolkit;
  diagnostics: Diagnostics;
  handouts: HandoutFile[];
  guides: GuideFile[];
  kits: KitFile[];
}

/**
 * The build, stage by stage: read the content once, write the handouts, the site
 * and the kits into a staging folder, then swap it in for the old output.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { progress } = options;
  // Refused before anything else, so a wrong --out is reported even when the content has errors.
  checkOutputFolder(options.outDir, options);
  const { toolkit, diagnostics } = await progress.stage('read content', async () => {
    // Pages whose text did not change since the last build are not parsed again.
    const stored = await openStoredPages(resolve(options.cacheDir));
    const read = await readToolkit(options.contentDir, { cache: stored.cache });
    // Note: content with errors builds nothing, so it leaves no cache folder behind either.
    if (read.toolkit) await stored.save();
    const { read: pages, parsed } = stored.counts();
    progress.info(`${pages} pages: ${parsed} parsed, ${pages - parsed} unchanged (from cache)`);
    return read;
  });
  if (!toolkit) throw new KitpressError('The content has errors, so nothing was built.', 'Fix the errors listed above, then build again. The previous output was left as it was.', diagnostics.sorted());

  const staging = await createStaging(options.outDir, {
    contentDir: options.contentDir,
    cacheDir: options.cacheDir,
    version: KITPRESS_VERSION,
    onWait: (pid) => progress.info(`waiting for another build (process ${pid}) writing the same output folder`),
    onCleanup: (message) => progress.info(message),
  });
  try {
    const context = { toolkit, diagnostics, outDir: staging.dir, cacheDir: resolve(options.cacheDir), progress, contentDir: resolve(options.contentDir) };
    // Handouts and guides print in one pool of worker threads (guides first, being the longest
    // jobs), stopped before the website is built, so react-pdf's memory is given back before Astro's.
    const pool = createPrintPool(options.workers, { templateCacheDir: join(context.cacheDir, 'templates') });
    const [printedDone, guidesDone] = await Promise.allSettled([
      progress.stage('pdf handouts', () => writeHandouts({ ...context, pool })),
      progress.stage('facilitator guides', () => writeGuides({ ...context, pool })),
    ]).finally(() => pool.close());
    if (printedDone.status === 'rejected') throw printedDone.reason;
    if (guidesDone.status === 'rejected') throw guidesDone.reason;
    if (diagnostics.hasErrors) throw new KitpressError('Some handouts could not be printed.', 'Fix the errors listed above, then build again. The previous output was left as it was.', diagnostics.sorted());
    const handouts = await progress.stage('handout previews', () => writePreviews(context, printedDone.value));
    const guides = guidesDone.value;
    await progress.stage('website', () => writeSite({ ...context, handouts, guides }));
    const worker = await progress.stage('service worker', () => writeServiceWorker(context));
    await fillOfflineSize(staging.dir, worker.bytes);
    const kits = await progress.stage('offline kits', () => writeKits({ ...context, handouts }));
    await fillKitSizes(staging.dir, kits);
    // Last, so the kits leave them out: the headers a host should send, for the hosts that read a file.
    await writeHostHeaders(staging.dir, toolkit);
    await staging.commit();
    return { toolkit, diagnostics, handouts, guides, kits };
  } catch (error) {
    await staging.discard();
    throw error;
  }
}
