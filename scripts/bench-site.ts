import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readToolkit } from '../src/core/read-toolkit.ts';
import { createProgress } from '../src/build/progress.ts';
import { fakeHandouts } from '../test/helpers/fake-handouts.ts';

const contentDir = fileURLToPath(new URL('../content/', import.meta.url));


/** Times the site stage: loading Astro, a cold build (fresh output and Astro cache) of the default content's site, then a warm one. */
export async function benchSite(): Promise<Record<string, string | number>> {
  const { toolkit, diagnostics } = await readToolkit(contentDir);
  if (!toolkit) throw new Error(`The default content has errors: ${diagnostics.sorted().map((d) => d.message).join('; ')}`);
  const handouts = fakeHandouts(toolkit);
  const work = await mkdtemp(join(tmpdir(), 'kitpress-bench-site-'));
  const progress = createProgress({ quiet: true });
  // Loading Astro and Vite is part of a cold start.
  const loadStart = performance.now();
  const { writeSite } = await import('../src/site/write-site.ts');
  const loadMs = performance.now() - loadStart;
  const run = async (name: string) => {
    const start = performance.now();
    const model = await writeSite({ toolkit, diagnostics, outDir: join(work, name), cacheDir: join(work, 'cache'), contentDir, progress, handouts });
    return { ms: performance.now() - start, pages: model.routes.length + 1 };
  };
  try {
    const cold = await run('cold');
    const warm = await run('warm');
    return {
      'site pages': cold.pages,
      'site load Astro (ms)': Math.round(loadMs),
      'site cold build (ms)': Math.round(cold.ms),
      'site cold total (ms)': Math.round(loadMs + cold.ms),
      'site warm build (ms)': Math.round(warm.ms),
      'site ms per page (warm)': Math.round(warm.ms / warm.pages),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchSite());
}
