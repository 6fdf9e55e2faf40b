import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { WriterContext } from '../build/writer-context.ts';
import type { Toolkit } from '../core/model.ts';
import { handoutPath, type HandoutFile, type ListedHandout } from '../core/outputs.ts';
import { cacheKey, readCached, writeCached, writerFingerprint } from './cache.ts';
import { checkGlyphs } from './check-glyphs.ts';
import type { Diagnostics } from '../core/diagnostics/diagnostic.ts';
import { listHandoutJobs, resolveJob, type HandoutJob, type RenderedHandout } from './handout-job.ts';
import { reportHandoutProblems } from './handout-problems.ts';
import { readPrintAssets } from './print-assets.ts';
import { fillPreviews, writePreviews } from './previews.ts';
import { createPrintPool, RENDER_TIMEOUT_MS, type PrintPool } from './print-pool.ts';

export { RENDER_TIMEOUT_MS } from './print-pool.ts';

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
  /** How many previews were drawn now (with their PDF, or for a cached entry without one); the rest came from the cache. */
  previewsDrawn: number;
}

/** What printing the handouts needs: the model, and the pool to print in (else one of `workers` threads of its own). */
export interface PrintOptions {
  toolkit: Toolkit;
  diagnostics: Diagnostics;
  contentDir: string;
  cacheDir: string;
  workers?: number | undefined;
  pool?: PrintPool | undefined;
  /** Told how many handouts go to the pool to print, once the cache is checked (the rest come from it). */
  onQueued?: ((jobs: number) => void) | undefined;
}

/**
 * Prints every handout of every locale in every paper size, as `kitpress check` and the build
 * both do: unchanged handouts come from `<cacheDir>/pdf/`, the rest render in the print pool
 * (worker threads) and are stored there. What is wrong with them is reported (see `reportHandoutProblems`).
 */
export async function printHandouts(options: PrintOptions): Promise<PrintedHandouts> {
  const { toolkit } = options;
  const jobs = listHandoutJobs(toolkit);
  const cacheDir = join(options.cacheDir, 'pdf');
  const writer = await writerFingerprint();
  const assets = await readPrintAssets(toolkit, options.contentDir, options.cacheDir);
  const keys = jobs.map((job) => cacheKey(toolkit, job, writer, assets));
  const results = await Promise.all(keys.map((key) => readCached(cacheDir, key)));
  const missing = jobs.flatMap((_, index) => (results[index] ? [] : [index]));
  options.onQueued?.(missing.length);
  let previewsDrawn = 0;
  const workers = Number.isInteger(options.workers) && options.workers! >= 0 ? options.workers : undefined;
  const pool = options.pool ?? createPrintPool(workers);
  try {
    await Promise.all(
      missing.map(async (index) => {
        const done = await pool.handout(toolkit, assets, jobs[index]!);
        if (!done) return;
        results[index] = done;
        if (done.preview) previewsDrawn += 1;
        await writeCached(cacheDir, keys[index]!, done);
      }),
    );
  } finally {
    if (!options.pool) await pool.close();
  }
  // Note: in this thread (MuPDF loads here then, about 90 ms): only a cache entry stored without its preview needs it.
  previewsDrawn += await fillPreviews(toolkit, cacheDir, jobs, keys, results);
  const usable = reportHandoutProblems(toolkit, jobs, results, options.diagnostics, Math.round(RENDER_TIMEOUT_MS / 1000));
  return { jobs, results, usable, rendered: missing.length, workers: pool.threads(), previewsDrawn };
}

/** `12 handouts: 3 rendered on 2 worker(s), 9 from cache`. */
export function printedLine(printed: PrintedHandouts): string {
  const threads = printed.rendered === 0 ? '' : printed.workers === 0 ? ' (in this thread)' : ` on ${printed.workers} worker(s)`;
  return `${printed.jobs.length} handouts: ${printed.rendered} rendered${threads}, ${printed.jobs.length - printed.rendered} from cache`;
}

/**
 * Renders every handout of every locale in every paper size into `<outDir>/pdf/` (see
 * `printHandouts`), with a preview of each (see `writePreviews`). A handout over its page
 * budget even at 11 pt is reported as `handout-overflow` and not written.
 */
export async function writeHandouts(context: WriterContext & Pick<PrintOptions, 'workers' | 'pool' | 'onQueued'>): Promise<HandoutFile[]> {
  const { toolkit, diagnostics, progress } = context;
  if (listHandoutJobs(toolkit).length === 0) {
    context.onQueued?.(0);
    return [];
  }
  checkGlyphs(toolkit, diagnostics);
  const printed = await printHandouts({ toolkit, diagnostics, contentDir: context.contentDir, cacheDir: context.cacheDir, workers: context.workers, pool: context.pool, onQueued: context.onQueued });

  const written: Array<{ job: HandoutJob; file: HandoutFile; result: RenderedHandout }> = [];
  const unclaimed: string[] = [];
  for (const [index, job] of printed.jobs.entries()) {
    const result = printed.results[index];
    if (!result || !printed.usable[index]) continue;
    const listed = listedHandout(toolkit, job);
    const path = listed.path;
    await mkdir(dirname(join(context.outDir, path)), { recursive: true });
    await writeFile(join(context.outDir, path), result.bytes);
    if (!result.pdfUa) unclaimed.push(path);
    written.push({ job, file: { ...listed, bytes: result.bytes.byteLength, pages: result.pages, fontSize: result.fontSize }, result });
  }
  const files = await writePreviews(context.outDir, toolkit, written);
  progress.info(printedLine(printed));
  for (const line of bodySizeLines(files)) progress.info(line);
  // Every handout is tagged; one that fails the writer's own checks is written without claiming PDF/UA.
  if (unclaimed.length > 0) progress.info(`${unclaimed.length} handout(s) tagged but not claiming PDF/UA: ${unclaimed.join(', ')}`);
  const previews = new Set(files.map((f) => f.preview?.path).filter(Boolean)).size;
  progress.info(`${previews} handout previews: ${printed.previewsDrawn} drawn, ${previews - printed.previewsDrawn} from cache`);
  return files;
}

function listedHandout(toolkit: Toolkit, job: HandoutJob): ListedHandout {
  const { page } = resolveJob(toolkit, job);
  return { locale: job.locale, slug: job.slug, kind: page.handout.kind, title: page.handout.title ?? page.title, paper: job.paper, path: handoutPath(job.locale, page.handout.file, job.paper) };
}

/**
 * The handouts `writeHandouts` writes when the build succeeds (a handout it cannot write is an
 * error), as the site lists them before they are printed, in the same order.
 */
export function listHandouts(toolkit: Toolkit): ListedHandout[] {
  return listHandoutJobs(toolkit).map((job) => listedHandout(toolkit, job));
}

/** One line per locale with the body size each handout fitted at: `body size (en): signs-checklist-letter 11.5 pt, ...`. */
export function bodySizeLines(files: readonly HandoutFile[]): string[] {
  const locales = [...new Set(files.map((f) => f.locale))];
  return locales.map((locale) => {
    const sizes = files.filter((f) => f.locale === locale).map((f) => `${f.path.split('/').pop()!.replace(/\.pdf$/, '')} ${f.fontSize} pt`);
    return `body size (${locale}): ${sizes.join(', ')}`;
  });
}
