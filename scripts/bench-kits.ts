/**
 * Offline kit figures for `npm run bench`: the size of every kit, the kit stage time and the
 * service worker step time, measured on a real build of the default content in a temporary folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProgress } from '../src/build/progress.ts';
import type { WriterContext } from '../src/build/writer-context.ts';
import { Diagnostics } from '../src/core/diagnostics/diagnostic.ts';
import { readToolkit } from '../src/core/read-toolkit.ts';
import { writeServiceWorker } from '../src/kit/service-worker.ts';
import { writeKits } from '../src/kit/write-kits.ts';
import { writeHandouts } from '../src/pdf/write-handouts.ts';
import { writeSite } from '../src/site/write-site.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const contentDir = join(repoRoot, 'content');

/** Builds the default content's handouts and site once, then times the service worker step and the kits (median of 3). */
export async function benchKits(): Promise<Record<string, string | number>> {
  const { toolkit } = await readToolkit(contentDir);
  if (!toolkit) throw new Error('The default content has errors: run `npm run check`.');
  const outDir = await mkdtemp(join(tmpdir(), 'kitpress-bench-kits-'));
  const context: WriterContext = { toolkit, diagnostics: new Diagnostics(), outDir, cacheDir: join(repoRoot, '.kitpress-cache'), contentDir, progress: createProgress({ quiet: true }) };
  try {
    const handouts = await writeHandouts(context);
    await writeSite({ ...context, handouts });
    const swStart = performance.now();
    const sw = await writeServiceWorker(context);
    const swMs = performance.now() - swStart;
    const times: number[] = [];
    let kits = await writeKits({ ...context, handouts });
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      kits = await writeKits({ ...context, handouts });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const figures: Record<string, string | number> = {
      'service worker step (ms)': Math.round(swMs),
      'service worker precache (files)': sw.files,
      'service worker precache (kB)': Math.round(sw.bytes / 1000),
      'kit stage, median of 3 (ms)': Math.round(times[1]!),
    };
    for (const kit of kits) figures[`${kit.path} (kB)`] = Math.round(kit.bytes / 1000);
    return figures;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchKits());
}
