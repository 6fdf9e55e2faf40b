import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { WriterContext } from '../build/writer-context.ts';
import type { Toolkit } from '../core/model.ts';
import { handoutPath, type HandoutFile } from '../core/outputs.ts';
import { cacheKey, readCached, writeCached, writerFingerprint } from './cache.ts';
import { checkGlyphs } from './check-glyphs.ts';
import { describeJob, listHandoutJobs, resolveJob, type HandoutJob, type RenderedHandout } from './handout-job.ts';
import { loadRenderer } from './load-renderer.ts';
import { createWorkerPool, JobTimeoutError } from './worker-pool.ts';
import type { RenderWorkerData } from './render-worker.ts';
import { readPrintAssets, type PrintAssets } from './print-assets.ts';

/**
 * How long one handout may take to render in a worker before it fails (KITPRESS_RENDER_TIMEOUT_MS
 * overrides). Note: a handout renders in seconds; this only stops a render that hangs.
 */
export const RENDER_TIMEOUT_MS = Number(process.env.KITPRESS_RENDER_TIMEOUT_MS) || 300_000;

/** Renders jobs on `workers` threads, or in this thread when `workers` is 0; a timed-out job gives undefined. */
async function renderJobs(toolkit: Toolkit, assets: PrintAssets, jobs: HandoutJob[], workers: number): Promise<Array<RenderedHandout | undefined>> {
  if (workers === 0) {
    // Loaded only here, so a build served from the cache never loads react-pdf.
    const { renderHandout } = await loadRenderer();
    const results: RenderedHandout[] = [];
    for (const job of jobs) results.push(await renderHandout(toolkit, job, assets));
    return results;
  }
  const data: RenderWorkerData = { toolkit, assets };
  const pool = createWorkerPool<HandoutJob, RenderedHandout>(new URL('./render-worker-entry.mjs', import.meta.url), Math.min(workers, jobs.length), data, { timeoutMs: RENDER_TIMEOUT_MS });
  try {
    const timedOut = (error: unknown) => {
      if (error instanceof JobTimeoutError) return undefined;
      throw error;
    };
    return await Promise.all(jobs.map((job) => pool.run(job).catch(timedOut)));
  } finally {
    await pool.close();
  }
}

/**
 * Below this many handouts to render, the main thread renders them: each worker first spends
 * about 1.2 CPU-s loading tsx and react-pdf, more than splitting a few renders (0.1-0.3 s each) saves.
 */
const FEW_JOBS = 16;

/** Threads for `count` renders when none were asked for: none for a few, else one per core. */
function defaultWorkers(count: number): number {
  return count < FEW_JOBS ? 0 : availableParallelism();
}

/**
 * Renders every handout of every locale in every paper size into `<outDir>/pdf/`.
 * Unchanged handouts are copied from `<cacheDir>/pdf/`; the rest render in a pool of worker
 * threads. A handout over its page budget even at 10 pt is reported as `handout-overflow`.
 */
export async function writeHandouts(context: WriterContext & { workers?: number | undefined }): Promise<HandoutFile[]> {
  const { toolkit, diagnostics, progress } = context;
  const jobs = listHandoutJobs(toolkit);
  if (jobs.length === 0) return [];
  checkGlyphs(toolkit, diagnostics);

  const cacheDir = join(context.cacheDir, 'pdf');
  const writer = await writerFingerprint();
  const assets = await readPrintAssets(toolkit, context.contentDir, context.cacheDir);
  const keys = jobs.map((job) => cacheKey(toolkit, job, writer, assets));
  const results = await Promise.all(keys.map((key) => readCached(cacheDir, key)));
  const missing = jobs.flatMap((_, index) => (results[index] ? [] : [index]));
  const workers = Number.isInteger(context.workers) && context.workers! >= 0 ? context.workers! : defaultWorkers(missing.length);
  if (missing.length > 0) {
    const rendered = await renderJobs(toolkit, assets, missing.map((index) => jobs[index]!), workers);
    await Promise.all(
      missing.map(async (index, n) => {
        const done = rendered[n];
        if (!done) return;
        results[index] = done;
        await writeCached(cacheDir, keys[index]!, done);
      }),
    );
  }

  const files: HandoutFile[] = [];
  const unclaimed: string[] = [];
  for (const [index, job] of jobs.entries()) {
    const result = results[index];
    const { page } = resolveJob(toolkit, job);
    if (!result) {
      diagnostics.report('handout-timeout', `The handout ${describeJob(page, job)} did not finish printing within ${Math.round(RENDER_TIMEOUT_MS / 1000)} s`, page.blocks[0]?.position ?? { file: page.file, line: 1, column: 1 });
      continue;
    }
    if (!result.fits) {
      diagnostics.report(
        'handout-overflow',
        `The handout ${describeJob(page, job)} does not fit its budget of ${page.handout.pageBudget} page(s) at ${result.fontSize} pt, the smallest body size: it needs ${result.pages}, about ${result.overBy ?? '?'} pt of text (${Math.ceil((result.overBy ?? 0) / (result.fontSize * 1.4))} lines) too many`,
        result.overflowAt ?? page.blocks[0]?.position ?? { file: page.file, line: 1, column: 1 },
      );
      continue;
    }
    const path = handoutPath(job.locale, page.handout.file, job.paper);
    await mkdir(dirname(join(context.outDir, path)), { recursive: true });
    await writeFile(join(context.outDir, path), result.bytes);
    if (!result.pdfUa) {
      unclaimed.push(path);
      diagnostics.report('handout-untagged', `The handout ${describeJob(page, job)} is tagged but fails its accessibility check (${result.tagProblems[0] ?? 'not checked'}), so it does not claim PDF/UA`, page.blocks[0]?.position ?? { file: page.file, line: 1, column: 1 });
    }
    files.push({ locale: job.locale, slug: job.slug, kind: page.handout.kind, title: page.handout.title ?? page.title, paper: job.paper, path, bytes: result.bytes.byteLength, pages: result.pages, fontSize: result.fontSize });
  }
  const threads = missing.length === 0 ? '' : workers === 0 ? ' (in this thread)' : ` on ${Math.min(workers, missing.length)} worker(s)`;
  progress.info(`${jobs.length} handouts: ${missing.length} rendered${threads}, ${jobs.length - missing.length} from cache`);
  for (const line of bodySizeLines(files)) progress.info(line);
  // Every handout is tagged; one that fails the writer's own checks is written without claiming PDF/UA.
  if (unclaimed.length > 0) progress.info(`${unclaimed.length} handout(s) tagged but not claiming PDF/UA: ${unclaimed.join(', ')}`);
  return files;
}

/** One line per locale with the body size each handout fitted at: `body size (en): signs-checklist-letter 11.5 pt, ...`. */
export function bodySizeLines(files: readonly HandoutFile[]): string[] {
  const locales = [...new Set(files.map((f) => f.locale))];
  return locales.map((locale) => {
    const sizes = files.filter((f) => f.locale === locale).map((f) => `${f.path.split('/').pop()!.replace(/\.pdf$/, '')} ${f.fontSize} pt`);
    return `body size (${locale}): ${sizes.join(', ')}`;
  });
}
