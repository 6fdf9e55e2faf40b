import { availableParallelism } from 'node:os';
import type { PaperSize, Toolkit } from '../core/model.ts';
import type { HandoutJob, RenderedHandout } from './handout-job.ts';
import type { PrintAssets } from './print-assets.ts';
import { runPrintJob, toolkitFor, type PrintJob, type PrintResult } from './print-job.ts';
import type { RenderedGuide } from './render-guide.tsx';
import { createWorkerPool, JobTimeoutError, type WorkerPool } from './worker-pool.ts';

/**
 * How long one handout may take to render in a worker before it fails (KITPRESS_RENDER_TIMEOUT_MS
 * overrides). Note: a handout renders in seconds; this only stops a render that hangs.
 */
export const RENDER_TIMEOUT_MS = Number(process.env.KITPRESS_RENDER_TIMEOUT_MS) || 300_000;

/**
 * A second worker starts only when this many jobs wait: each worker first spends about 1.2 CPU-s
 * loading react-pdf, more than it saves on a few renders (0.1-0.3 s a handout, 1-3 s a guide).
 */
const WAITING_FOR_ANOTHER = 4;

/**
 * Few enough PDFs to print that one worker prints them about as fast as more would: a build
 * does other work beside them (the website) only then, so it never runs more threads than cores.
 */
export const FEW_PRINT_JOBS = WAITING_FOR_ANOTHER;

/**
 * The heap each worker is given, in MB. Note: without a limit V8 let a worker's heap grow to about
 * 450 MB while a 180-sheet guide was laid out (it holds about 190 MB at most), and two workers did
 * that at once. A job that needs more runs again on a worker without the limit (see createWorkerPool).
 */
const WORKER_HEAP_MB = 256;

/** Where a build's PDFs print: worker threads shared by the handouts and the facilitator guides, or this thread. */
export interface PrintPool {
  /** Prints a handout; undefined when its render timed out (see RENDER_TIMEOUT_MS). */
  handout(toolkit: Toolkit, assets: PrintAssets, job: HandoutJob): Promise<RenderedHandout | undefined>;
  /** Prints a facilitator guide; guides go before the handouts waiting, being the longest jobs. */
  guide(toolkit: Toolkit, assets: PrintAssets, locale: string, paper: PaperSize): Promise<RenderedGuide>;
  /** Worker threads started so far (0: everything printed in this thread). */
  threads(): number;
  /**
   * Starts a worker thread now, which loads react-pdf and the templates, so a PDF that must print
   * soon does not wait for that (no effect when the pool prints in this thread or has started).
   */
  warm(): void;
  /**
   * Prints on at most `threads` worker threads from now on (undefined: the pool's size), so that
   * other work of this process can have a core; it does not stop a job already printing.
   */
  limit(threads: number | undefined): void;
  /** Stops the workers, which gives their memory back (react-pdf, fonts, layouts); the pool prints nothing more. */
  close(): Promise<void>;
}

/** The default number of PDF threads: one per core. */
export function defaultPrintThreads(): number {
  return availableParallelism();
}

/** What each worker is started with (read by render-worker-entry.mjs). */
export interface RenderWorkerData {
  /** Where the workers keep compiled templates between builds (none when undefined). */
  templateCacheDir: string | undefined;
  /** Where the workers keep Kitpress's TypeScript stripped of types (see src/build/typescript-cache.mjs); none when undefined. */
  typescriptCacheDir?: string | undefined;
}

/**
 * A print pool of up to `workers` threads, started only as jobs come (none for a build whose
 * PDFs all come from the cache); `workers` 0 prints in this thread.
 * Note: React runs in production mode in the workers (development mode keeps an Error object and
 * warnings for every element: slower, and more memory while a guide is laid out); same PDFs.
 */
export function createPrintPool(workers: number = defaultPrintThreads(), workerData: RenderWorkerData = { templateCacheDir: undefined }): PrintPool {
  let pool: WorkerPool<PrintJob, PrintResult> | undefined;
  let limit: number | undefined;
  // In this thread one job at a time, as in a worker: two layouts at once would only hold more memory.
  let inThread: Promise<unknown> = Promise.resolve();
  const open = (): WorkerPool<PrintJob, PrintResult> => {
    pool ??= createWorkerPool<PrintJob, PrintResult>(new URL('./render-worker-entry.mjs', import.meta.url), workers, workerData, {
      spawnWhenWaiting: WAITING_FOR_ANOTHER,
      env: { ...process.env, NODE_ENV: 'production' },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    pool.limit(limit);
    return pool;
  };
  const run = (job: PrintJob, options: { first?: boolean; timeoutMs?: number | undefined }): Promise<PrintResult> => {
    if (workers === 0) {
      const done = inThread.then(() => runPrintJob(job));
      inThread = done.catch(() => undefined);
      return done;
    }
    return open().run(job, options);
  };
  return {
    async handout(toolkit, assets, job) {
      try {
        return (await run({ kind: 'handout', toolkit: toolkitFor(toolkit, job.locale), assets, job }, { timeoutMs: RENDER_TIMEOUT_MS })) as RenderedHandout;
      } catch (error) {
        if (error instanceof JobTimeoutError) return undefined;
        throw error;
      }
    },
    async guide(toolkit, assets, locale, paper) {
      return (await run({ kind: 'guide', toolkit: toolkitFor(toolkit, locale), assets, locale, paper }, { first: true })) as RenderedGuide;
    },
    threads: () => pool?.started() ?? 0,
    warm() {
      if (workers > 0) open().warm();
    },
    limit(threads) {
      limit = threads;
      pool?.limit(threads);
    },
    async close() {
      await pool?.close();
    },
  };
}
