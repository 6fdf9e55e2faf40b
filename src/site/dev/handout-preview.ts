import { join } from 'node:path';
import type { Toolkit } from '../../core/model.ts';
import { handoutPath } from '../../core/outputs.ts';
import { cacheKey, readCached, writeCached, writerFingerprint } from '../../pdf/cache.ts';
import { listHandoutJobs, resolveJob, type RenderedHandout } from '../../pdf/handout-job.ts';
import { readPrintAssets } from '../../pdf/print-assets.ts';

const rendering = new Map<string, Promise<RenderedHandout>>();

/**
 * The PDF of one handout for the dev server, by its path in the site (`pdf/en/signs-checklist-a4.pdf`):
 * from the handout cache when its content hash is there, else rendered now (in this thread) and
 * cached. Undefined when no handout has that path.
 */
export async function previewHandout(toolkit: Toolkit, path: string, contentDir: string, cacheDir: string): Promise<RenderedHandout | undefined> {
  const job = listHandoutJobs(toolkit).find((j) => handoutPath(j.locale, resolveJob(toolkit, j).page.handout.file, j.paper) === path);
  if (!job) return undefined;
  const dir = join(cacheDir, 'pdf');
  const assets = await readPrintAssets(toolkit, contentDir, cacheDir);
  const key = cacheKey(toolkit, job, await writerFingerprint(), assets);
  const cached = await readCached(dir, key);
  if (cached) return cached;
  let run = rendering.get(key);
  if (!run) {
    run = (async () => {
      // Loaded only when a handout is opened: react-pdf takes a second to load.
      const { loadRenderer } = await import('../../pdf/load-renderer.ts');
      const { renderHandout } = await loadRenderer();
      const result = await renderHandout(toolkit, job, assets);
      await writeCached(dir, key, result);
      return result;
    })();
    rendering.set(key, run);
    run.finally(() => rendering.delete(key)).catch(() => undefined);
  }
  return run;
}
