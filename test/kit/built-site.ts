import { existsSync } from 'node:fs';
import { cp, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createProgress } from '../../src/build/progress.ts';
import { Diagnostics } from '../../src/core/diagnostics/diagnostic.ts';
import type { WriterContext } from '../../src/build/writer-context.ts';
import type { Toolkit } from '../../src/core/model.ts';
import { handoutPath, type HandoutFile } from '../../src/core/outputs.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { writeServiceWorker } from '../../src/kit/service-worker.ts';
import { builtDefault, defaultContent } from '../helpers/paths.ts';
import { tempDir } from './temp-dirs.ts';

/**
 * The default content as the test run built it (test/helpers/global-setup.ts).
 * KITPRESS_BUILT_SITE points the kit tests at another build, e.g. while a stage is being written.
 */
export const builtSite = process.env.KITPRESS_BUILT_SITE ?? builtDefault;

/** The default toolkit, read the same way the build read it. */
export async function defaultToolkit(): Promise<Toolkit> {
  const { toolkit, diagnostics } = await readToolkit(defaultContent);
  if (!toolkit) throw new Error(`The default content has errors: ${diagnostics.sorted().map((d) => d.message).join('; ')}`);
  return toolkit;
}

/**
 * The built site with its service worker. To do: once the pipeline runs writeServiceWorker,
 * the built site has sw.js and this returns it as is; until then it adds the worker to a copy.
 */
export async function siteWithServiceWorker(): Promise<string> {
  if (existsSync(join(builtSite, 'sw.js'))) return builtSite;
  const copy = await tempDir('kitpress-sw-');
  await cp(builtSite, copy, { recursive: true });
  const toolkit = await defaultToolkit();
  await writeServiceWorker({ toolkit, diagnostics: new Diagnostics(), outDir: copy, cacheDir: join(copy, '.cache'), contentDir: defaultContent, progress: createProgress({ quiet: true }) });
  return copy;
}

/**
 * A copy of the built site without its kits, in a fresh folder, with the handouts it holds
 * (page counts are the budgets: the PDF writer's exact figures are not stored in the site).
 */
export async function siteCopyContext(toolkit: Toolkit): Promise<WriterContext & { handouts: HandoutFile[] }> {
  const outDir = await tempDir('kitpress-site-copy-');
  await cp(builtSite, outDir, { recursive: true, filter: (source) => !source.startsWith(join(builtSite, 'kits')) });
  const handouts: HandoutFile[] = [];
  for (const locale of toolkit.locales) {
    for (const page of locale.pages) {
      if (!page.handout || page.fallback) continue;
      for (const paper of toolkit.paper) {
        const path = handoutPath(locale.code, page.handout.file, paper);
        const bytes = await stat(join(outDir, path)).then((s) => s.size, () => undefined);
        if (bytes !== undefined) handouts.push({ locale: locale.code, slug: page.slug, kind: page.handout.kind, title: page.handout.title ?? page.title, paper, path, bytes, pages: page.handout.pageBudget, fontSize: 11 });
      }
    }
  }
  return { toolkit, diagnostics: new Diagnostics(), outDir, cacheDir: join(outDir, '.cache'), contentDir: defaultContent, progress: createProgress({ quiet: true }), handouts };
}
