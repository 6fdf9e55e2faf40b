import { join, resolve } from 'node:path';
import { readToolkit } from '../core/read-toolkit.ts';
import { openStoredPages } from '../core/stored-pages.ts';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import type { Diagnostics } from '../core/diagnostics/diagnostic.ts';
import type { Toolkit } from '../core/model.ts';
import type { GuideFile, HandoutFile, KitFile } from '../core/outputs.ts';
import { listHandouts, writeHandouts } from '../pdf/write-handouts.ts';
import { createPrintPool, defaultPrintThreads, FEW_PRINT_JOBS, type PrintPool } from '../pdf/print-pool.ts';
import { listGuides, writeGuides } from '../pdf/write-guides.ts';
import { siteFiles, writeSite } from '../site/write-site.ts';
import { fillPdfFacts } from '../site/pdf-facts.ts';
import { writeKits } from '../kit/write-kits.ts';
import { writeServiceWorker } from '../kit/service-worker.ts';
import { fillKitSizes } from '../kit/kit-sizes.ts';
import { writeHostHeaders } from '../site/host-headers.ts';
import { fillOfflineSize } from '../site/offline-size.ts';
import { createStaging } from './atomic-output.ts';
import { endIfParentGone } from './tuned-allocator.mjs';
import { openKeptPages } from './kept-pages.ts';
import { hashOf } from '../core/content-hash.ts';
import { siteFingerprint } from '../site/page-cache.ts';
import { kitFingerprint } from '../kit/kit-cache.ts';
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
  // Refused before anything else, so a wrong --out is reported even when the content has errors.
  checkOutputFolder(options.outDir, options);
  // Handouts and guides print in one pool of worker threads. A page that changed since the last
  // build changes at least its locale's guide, so the first worker starts loading react-pdf as soon
  // as the read finds one, while the rest of the content is read.
  const cacheDir = resolve(options.cacheDir);
  const pool = createPrintPool(options.workers, { templateCacheDir: join(cacheDir, 'templates'), typescriptCacheDir: join(cacheDir, 'modules') });
  try {
    return await buildWith(pool, options);
  } finally {
    await pool.close();
  }
}

async function buildWith(pool: PrintPool, options: BuildOptions): Promise<BuildResult> {
  const { progress } = options;
  const { toolkit, diagnostics } = await progress.stage('read content', async () => {
    // Pages whose text did not change since the last build are not parsed again.
    const stored = await openStoredPages(resolve(options.cacheDir), { onChanged: () => pool.warm() });
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
    // Guides print first, being the longest jobs. When only a few PDFs must print (an edit), this
    // thread builds the website meanwhile; it lists them before they exist, and their page counts
    // and sizes are filled into its pages once they are printed (see src/site/pdf-facts.ts).
    const queued = [deferred<number>(), deferred<number>()] as const;
    const stages = [
      progress.stage('pdf handouts', () => writeHandouts({ ...context, pool, onQueued: queued[0].resolve })),
      progress.stage('facilitator guides', () => writeGuides({ ...context, pool, onQueued: queued[1].resolve })),
    ] as const;
    const printing = Promise.allSettled(stages).finally(() => pool.close());
    // A stage that fails before it says how many it prints: the build stops anyway.
    for (const [i, stage] of stages.entries()) stage.catch(() => queued[i]!.resolve(0));
    const toPrint = (await Promise.all(queued.map((q) => q.promise))).reduce((a, b) => a + b, 0);
    const overlap = toPrint <= FEW_PRINT_JOBS;
    const writeWebsite = () => progress.stage('website', () => writeSite({ ...context, handouts: listHandouts(toolkit), guides: listGuides(toolkit) }));
    // Note: while the website builds, the PDFs print on one thread less than there are cores: more
    // threads than cores was slower, and held Astro's memory beside every react-pdf worker.
    if (overlap) pool.limit(Math.max(1, defaultPrintThreads() - 1));
    const site = overlap
      ? Promise.allSettled([writeWebsite()]).then(([done]) => {
          pool.limit(undefined);
          return done;
        })
      : undefined;
    // Both are awaited before either can fail the build, so nothing writes into the staging folder after.
    const [printedDone, guidesDone] = await printing;
    const siteDone = site ? await site : undefined;
    if (printedDone.status === 'rejected') throw printedDone.reason;
    if (guidesDone.status === 'rejected') throw guidesDone.reason;
    if (diagnostics.hasErrors) throw new KitpressError('Some handouts could not be printed.', 'Fix the errors listed above, then build again. The previous output was left as it was.', diagnostics.sorted());
    if (siteDone?.status === 'rejected') throw siteDone.reason;
    // Each handout's preview came with it from the PDF stage (drawn where it was printed, or cached with it).
    const handouts = printedDone.value;
    const guides = guidesDone.value;
    const siteModel = siteDone ? siteDone.value : await writeWebsite();
    await fillPdfFacts(staging.dir, siteFiles(siteModel), toolkit, { handouts, guides });
    const worker = await progress.stage('service worker', () => writeServiceWorker(context));
    // Both fills parse and serialise whole downloads pages: a page filled the same way by the last build is read back.
    const kept = { pages: openKeptPages(join(context.cacheDir, 'site', 'filled-pages.json')), writer: hashOf(await siteFingerprint(), await kitFingerprint()) };
    await fillOfflineSize(staging.dir, worker.bytes, kept);
    const kits = await progress.stage('offline kits', () => writeKits({ ...context, handouts }));
    await fillKitSizes(staging.dir, kits, undefined, kept);
    await kept.pages.save();
    // Last, so the kits leave them out: the headers a host should send, for the hosts that read a file.
    await writeHostHeaders(staging.dir, toolkit);
    // A build whose `kitpress` command was killed meanwhile puts nothing in place (see tuned-allocator.mjs).
    endIfParentGone();
    await staging.commit();
    return { toolkit, diagnostics, handouts, guides, kits };
  } catch (error) {
    await staging.discard();
    throw error;
  }
}

/** A promise and the function that resolves it. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
