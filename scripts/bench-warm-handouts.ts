/** Warm handout figures for `npm run bench`: Kitpress's renderer, in this process, after a warm-up. */
import type { Toolkit } from '../src/core/model.ts';
import type { HandoutJob } from '../src/pdf/handout-job.ts';
import { loadRenderer } from '../src/pdf/load-renderer.ts';

/** The median milliseconds of `runs` warm renders of each job (each job rendered once first). */
export async function warmKitpressTimes(toolkit: Toolkit, jobs: HandoutJob[], runs: number): Promise<number[]> {
  const { renderHandout } = await loadRenderer();
  for (const job of jobs) await renderHandout(toolkit, job);
  const medians: number[] = [];
  for (const job of jobs) {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      await renderHandout(toolkit, job);
      times.push(performance.now() - start);
    }
    medians.push(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!);
  }
  return medians;
}
