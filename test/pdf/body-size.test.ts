import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { listHandoutJobs, resolveJob } from '../../src/pdf/handout-job.ts';
import { handoutPath } from '../../src/core/outputs.ts';
import { builtDefault, defaultContent } from '../helpers/paths.ts';

const INCH = 72;

/** Every run of text pdf.js finds, with its size in points (from the text matrix) and its height on the sheet. */
async function textSizes(file: string): Promise<{ size: number; top: number; page: number; chars: number; text: string }[]> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const runs: { size: number; top: number; page: number; chars: number; text: string }[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const [, , , height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    for (const item of content.items as { str?: string; transform?: number[] }[]) {
      if (!item.str?.trim() || !item.transform) continue;
      const [a, b] = item.transform as [number, number];
      runs.push({ size: Math.round(Math.hypot(a, b) * 100) / 100, top: height - item.transform[5]!, page: n, chars: item.str.trim().length, text: item.str });
    }
  }
  return runs;
}

describe('type that older readers can read', () => {
  it('sets the body of every default handout at 11 pt or more, read from the PDF (every locale, every paper)', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    const jobs = listHandoutJobs(toolkit!);
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      const { page } = resolveJob(toolkit!, job);
      const file = join(builtDefault, handoutPath(job.locale, page.handout.file, job.paper));
      const runs = await textSizes(file);
      // The body size: the size most characters are set in.
      const bySize = new Map<number, number>();
      for (const run of runs) bySize.set(run.size, (bySize.get(run.size) ?? 0) + run.chars);
      const body = [...bySize.entries()].sort((x, y) => y[1] - x[1])[0]![0];
      expect(body, `${file}: body at ${body} pt`).toBeGreaterThanOrEqual(11);
      // Nothing smaller among the body text: below the top margin (the running header) and above
      // the last body-size line of its sheet (the footer with the hotlines, in interface type, comes after).
      const lastBody = new Map<number, number>();
      for (const run of runs) if (run.size >= 11) lastBody.set(run.page, Math.max(lastBody.get(run.page) ?? 0, run.top));
      const small = runs.filter((run) => run.size < 11 && run.top > 0.8 * INCH && run.top < (lastBody.get(run.page) ?? 0));
      expect(small.map((run) => `${run.size} pt: ${run.text}`), file).toEqual([]);
    }
  });
});
