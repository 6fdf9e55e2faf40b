import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Toolkit } from '../core/model.ts';
import { previewPath, type HandoutFile, type HandoutPreview } from '../core/outputs.ts';
import { writeRecord } from './cache.ts';
import { drawPreview } from './draw-preview.ts';
import { drawsPreview, type HandoutJob, type RenderedHandout } from './handout-job.ts';
import { pngSize } from './print-assets.ts';

/**
 * Draws, in this thread, the previews that cached handouts lack (an entry stored before
 * previews were, or by the dev server) and stores each with its entry; a handout printed now
 * brings its preview from the print job. Gives how many were drawn.
 */
export async function fillPreviews(toolkit: Toolkit, cacheDir: string, jobs: readonly HandoutJob[], keys: readonly string[], results: ReadonlyArray<RenderedHandout | undefined>): Promise<number> {
  let drawn = 0;
  for (const [index, job] of jobs.entries()) {
    const result = results[index];
    if (!result?.fits || result.preview || !drawsPreview(toolkit, job)) continue;
    result.preview = await drawPreview(result.bytes);
    drawn += 1;
    await writeRecord(cacheDir, keys[index]!, result);
  }
  return drawn;
}

/**
 * Writes the preview of each handout beside its PDFs as `<name>-preview.png` (drawn from its
 * first paper size) and records it on every paper size's file.
 */
export async function writePreviews(outDir: string, toolkit: Toolkit, written: ReadonlyArray<{ job: HandoutJob; file: HandoutFile; result: RenderedHandout }>): Promise<HandoutFile[]> {
  const byGroup = new Map<string, HandoutPreview>();
  for (const { job, file, result } of written) {
    if (!drawsPreview(toolkit, job) || !result.preview) continue;
    const path = previewPath(file);
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), result.preview);
    byGroup.set(`${file.locale}\0${file.slug}`, { path, bytes: result.preview.byteLength, ...pngSize(result.preview) });
  }
  return written.map(({ file }) => ({ ...file, preview: byGroup.get(`${file.locale}\0${file.slug}`) }));
}
