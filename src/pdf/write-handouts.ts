import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { WriterContext } from '../build/writer-context.ts';
import type { Toolkit } from '../core/model.ts';
import { handoutPath, type HandoutFile } from '../core/outputs.ts';
import { cacheKey, readCached, writeCached, writerFingerprint } from './cache.ts';
import { checkGlyphs } from './check-glyphs.ts';
import type { Diagnostics } from '../core/diagnostics/diagnostic.ts';
import { listHandoutJobs, resolveJob, type HandoutJob, type RenderedHandout } from './handout-job.ts';
import { reportHandoutProblems } from './handout-problems.ts';
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

/** Every handout of a toolkit, printed: from the cache or rendered, with how. */
export interface PrintedHandouts {
  jobs: HandoutJob[];
  /** The printed handout of each job, undefined when its render timed out. */
  results: Array<RenderedHandout | undefined>;
  /** Whether each job's PDF can be written (see `reportHandoutProblems`). */
  usable: boolean[];
  /** How many were rendered now (the rest came from the cache), and on how many threads (0: this one). */
  rendered: number;
  workers: number;
}

/**
 * Prints every handout of every locale in every paper size, as `kitpress check` and the build
 * both do: unchanged handouts come from `<cacheDir>/pdf/`, the rest render in a pool of worker
 * threads and are stored there. What is wrong with them is reported (see `reportHandoutProblems`).
 */
export async function printHandouts(options: { toolkit: Toolkit; diagnostics: Diagnostics; contentDir: string; cacheDir: string; workers?: number | undefined }): Promise<PrintedHandouts> {
  const { toolkit } = options;
  const jobs = listHandoutJobs(toolkit);
  const cacheDir = join(options.cacheDir, 'pdf');
  const writer = await writerFingerprint();
  const assets = await readPrintAssets(toolkit, options.contentDir, options.cacheDir);
  const keys = jobs.map((job) => cacheKey(toolkit, job, writer, assets));
  const results = await Promise.all(keys.map((key) => readCached(cacheDir, key)));
  const missing = jobs.flatMap((_, index) => (results[index] ? [] : [index]));
  const workers = Number.isInteger(options.workers) && options.workers! >= 0 ? options.workers! : defaultWorkers(missing.length);
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
  const usable = reportHandoutProblems(toolkit, jobs, results, options.diagnostics, Math.round(RENDER_TIMEOUT_MS / 1000));
  return { jobs, results, usable, rendered: missing.length, workers: Math.min(workers, missing.length) };
}

/** `12 handouts: 3 rendered on 2 worker(s), 9 from cache`. */
export function printedLine(printed: PrintedHandouts): string {
  const threads = printed.rendered === 0 ? '' : printed.workers === 0 ? ' (in this thread)' : ` on ${printed.workers} worker(s)`;
  return `${printed.jobs.length} handouts: ${printed.rendered} rendered${threads}, ${printed.jobs.length - printed.rendered} from cache`;
}

/**
 * Renders every handout of every locale in every paper size into `<outDir>/pdf/` (see
 * `printHandouts`). A handout over its page budget even at 11 pt is reported as
 * `handout-overflow` and not written.
 */
export async function writeHandouts(context: WriterContext & { workers?: number | undefined }): Promise<HandoutFile[]> {
  const { toolkit, diagnostics, progress } = context;
  if (listHandoutJobs(toolkit).length === 0) return [];
  checkGlyphs(toolkit, diagnostics);
  const printed = await printHandouts({ toolkit, diagnostics, contentDir: context.contentDir, cacheDir: context.cacheDir, workers: context.workers });

  const files: HandoutFile[] = [];
  const unclaimed: string[] = [];
  for (const [index, job] of printed.jobs.entries()) {
    const result = printed.results[index];
    if (!result || !printed.usable[index]) continue;
    const { page } = resolveJob(toolkit, job);
    const path = handoutPath(job.locale, page.handout.file, job.paper);
    await mkdir(dirname(join(context.outDir, path)), { recursive: true });
    await writeFile(join(context.outDir, path), result.bytes);
    if (!result.pdfUa) unclaimed.push(path);
    files.push({ locale: job.locale, slug: job.slug, kind: page.handout.kind, title: page.handout.title ?? page.title, paper: job.paper, path, bytes: result.bytes.byteLength, pages: result.pages, fontSize: result.fontSize });
  }
  progress.info(printedLine(printed));
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
