import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { KitpressError, type Diagnostic } from '../../core/diagnostics/diagnostic.ts';
import type { SiteModel } from '../site-model.ts';
import { runAstro, type AstroBuild } from './run-astro.ts';
import { toVirtualSite } from './to-virtual-site.ts';

/** What the thread posts back when it is done. */
export type AstroThreadReply = { done: true } | { done: false; message: string; hint: string; diagnostics: Diagnostic[] };

const BUG_HINT = 'This is most likely a bug in Kitpress, not in your content. Please report it with this message.';

/**
 * Builds the pages of `model` with Astro into `outDir`, working in a new folder under `workDir`;
 * with `thread`, in a worker thread of its own: what Astro and Vite leave behind (about 130 MB live
 * after a build of 20 locales x 50 pages, in modules and caches this process cannot drop) goes away
 * with the thread instead of staying beside the kit stage. Its failures arrive as the KitpressError
 * `runAstro` throws, with the same message and hint.
 * Note: the thread gets the site as a file written here, not the model: with a copy of the model
 * (and its JSON, made there) the website stage peaked at 848 MB at 20 x 50, with the file at 746.
 */
export async function buildPages(model: SiteModel, outDir: string, workDir: string, options: { thread: boolean }): Promise<void> {
  // One folder per build, so two builds at the same time never share Astro's files. It is
  // Astro's root too: Astro keeps `.astro/` and Vite's cache in its root, and the Kitpress
  // folder (where the pages are) may be read-only.
  await mkdir(workDir, { recursive: true });
  const root = await mkdtemp(join(workDir, 'build-'));
  try {
    const siteFile = join(root, 'site.json');
    await writeFile(siteFile, JSON.stringify(toVirtualSite(model)));
    const build: AstroBuild = { siteUrl: model.toolkit.siteUrl, root, siteFile, outDir };
    if (options.thread) givePagesBackAtOnce();
    await (options.thread ? inThread(build) : runAstro(build));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * Tells mimalloc to give the memory it frees back to the system at once (an adopter's own
 * setting wins). Astro's compiler and Rolldown, Vite's bundler, are native modules with mimalloc,
 * which gives freed pages back only once they are some milliseconds old, and checks that only
 * when the thread that freed them allocates again: Rolldown's threads stay idle once the site is
 * built, so what they freed stayed resident until the build ended. Measured at 20 locales x 50
 * pages with the PDFs from the cache: the kit stage 746 -> 635-657 MB peak, the build 768 ->
 * 702-713 MB. Only for a build large enough for Astro's own thread: in the default content's
 * one-paragraph edit it cost 0.1-0.15 s of 4.8 (5 alternating pairs, twice).
 * Note: mimalloc reads it from the environment when those modules load, so it is set before
 * Astro is imported; once they are loaded (an earlier build in this process) it changes nothing.
 */
export function givePagesBackAtOnce(env: NodeJS.ProcessEnv = process.env): void {
  env.MIMALLOC_PURGE_DELAY ??= '0';
}

/** Runs `runAstro` in a new worker thread; settles once the thread has ended, so its memory is given back. */
function inThread(build: AstroBuild): Promise<void> {
  const worker = new Worker(new URL('./astro-thread-entry.ts', import.meta.url), { workerData: build });
  return new Promise<void>((resolve, reject) => {
    let reply: AstroThreadReply | undefined;
    worker.once('message', (message: AstroThreadReply) => {
      reply = message;
      // Note: Vite and Astro may leave handles open (watchers, timers); the thread must end for its memory to go.
      void worker.terminate();
    });
    worker.once('error', (error) => {
      reply ??= { done: false, message: `The website could not be built: ${error.message}`, hint: BUG_HINT, diagnostics: [] };
    });
    worker.once('exit', (code) => {
      if (reply?.done) return resolve();
      const failed = reply ?? { message: `The website could not be built: Astro's thread stopped (exit code ${code}) before it was done.`, hint: BUG_HINT, diagnostics: [] };
      reject(new KitpressError(failed.message, failed.hint, failed.diagnostics));
    });
  });
}
