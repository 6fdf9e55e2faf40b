/**
 * PDF part of `npm run bench`: warm render time per handout (in this process, after a
 * warm-up), what tagging adds (the same layout drawn tagged and untagged), and the whole PDF
 * stage with an empty cache and with nothing changed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Progress } from '../src/build/progress.ts';
import { Diagnostics } from '../src/core/diagnostics/diagnostic.ts';
import { readToolkit } from '../src/core/read-toolkit.ts';
import { listHandoutJobs } from '../src/pdf/handout-job.ts';
import { layoutPdf } from '../src/pdf/pdf-bytes.ts';
import { drawHandout, handoutDocument, handoutPdfOptions, printContextFor, renderHandout } from '../src/pdf/render-handout.tsx';
import { drawPlainPdf } from '../src/pdf/tagging/draw-tagged.ts';
import { writeHandouts } from '../src/pdf/write-handouts.ts';

const content = join(import.meta.dirname, '..', 'content');
const WARM_RUNS = 5;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const quiet: Progress = { stage: (_name, run) => run(), info: () => {} };

/** Measures the PDF writer on the default content. */
export async function benchPdf(): Promise<Record<string, string | number>> {
  const { toolkit } = await readToolkit(content);
  if (!toolkit) throw new Error('The default content has errors; run `npm run check`.');
  const jobs = listHandoutJobs(toolkit);

  // Warm: one render of each handout first (imports, fonts, caches), then the timed runs.
  for (const job of jobs) await renderHandout(toolkit, job);
  const perJob = [];
  for (const job of jobs) {
    const times: number[] = [];
    for (let i = 0; i < WARM_RUNS; i += 1) {
      const start = performance.now();
      await renderHandout(toolkit, job);
      times.push(performance.now() - start);
    }
    perJob.push({ name: `${job.locale}/${job.slug}-${job.paper}`, ms: median(times) });
  }
  const slowest = perJob.reduce((a, b) => (b.ms > a.ms ? b : a));

  // Tagging: the same final layout of each handout drawn tagged (with the checks) and untagged.
  const tagging = [];
  for (const job of jobs) {
    const { fontSize } = await renderHandout(toolkit, job);
    const ctx = await printContextFor(toolkit, job, fontSize);
    const laidOut = await layoutPdf(handoutDocument(ctx));
    const tagged: number[] = [];
    const plain: number[] = [];
    let bytes = 0;
    for (let i = 0; i < WARM_RUNS; i += 1) {
      let start = performance.now();
      const drawn = await drawHandout(ctx, laidOut);
      tagged.push(performance.now() - start);
      start = performance.now();
      const untagged = await drawPlainPdf(laidOut.layout, handoutPdfOptions(ctx, laidOut.props));
      plain.push(performance.now() - start);
      bytes = drawn.bytes.byteLength - untagged.byteLength;
    }
    tagging.push({ ms: median(tagged) - median(plain), plainMs: median(plain), bytes });
  }

  const scratch = await mkdtemp(join(tmpdir(), 'kitpress-bench-pdf-'));
  try {
    const stage = async (outDir: string) => {
      const start = performance.now();
      const files = await writeHandouts({ toolkit, diagnostics: new Diagnostics(), outDir, cacheDir: join(scratch, 'cache'), contentDir: content, progress: quiet });
      return { ms: performance.now() - start, files };
    };
    const cold = await stage(join(scratch, 'cold'));
    const warm = await stage(join(scratch, 'warm'));
    return {
      'handouts (locales x pages x paper sizes)': jobs.length,
      'pages printed': cold.files.reduce((n, f) => n + f.pages, 0),
      'PDF bytes in total (kB)': Math.round(cold.files.reduce((n, f) => n + f.bytes, 0) / 1024),
      'handouts fitted below 12 pt': cold.files.filter((f) => f.fontSize < 12).map((f) => `${f.path.slice(4)}@${f.fontSize}`).join(', ') || 'none',
      [`warm render per handout, median of ${WARM_RUNS} (ms)`]: median(perJob.map((j) => j.ms)).toFixed(0),
      'slowest handout, warm (ms)': `${slowest.ms.toFixed(0)} (${slowest.name})`,
      [`tagging overhead per handout, median of ${WARM_RUNS} draws (ms, tagged+checked minus untagged)`]: `${median(tagging.map((t) => t.ms)).toFixed(1)} (untagged draw ${median(tagging.map((t) => t.plainMs)).toFixed(1)})`,
      'tagging overhead per handout, median (kB)': (median(tagging.map((t) => t.bytes)) / 1024).toFixed(1),
      'tagging overhead, all handouts (kB)': Math.round(tagging.reduce((n, t) => n + t.bytes, 0) / 1024),
      [`PDF stage, empty cache, ${availableParallelism()} workers (s)`]: (cold.ms / 1000).toFixed(2),
      'PDF stage, nothing changed (s)': (warm.ms / 1000).toFixed(2),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
