import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KitpressError } from '../../src/core/diagnostics/diagnostic.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { listHandouts } from '../../src/pdf/write-handouts.ts';
import { buildPages, givePagesBackAtOnce } from '../../src/site/astro/build-pages.ts';
import { buildSiteModel } from '../../src/site/build-routes.ts';
import type { SiteModel } from '../../src/site/site-model.ts';
import { fixtures } from '../helpers/paths.ts';

describe('buildPages', () => {
  let dir: string;
  let model: SiteModel;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kitpress-astro-thread-'));
    const { toolkit } = await readToolkit(join(fixtures, 'kitchen-fire'));
    model = buildSiteModel(toolkit!, listHandouts(toolkit!));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("builds the same pages in Astro's own thread as in this one, and leaves nothing in its work folder", async () => {
    const purge = process.env.MIMALLOC_PURGE_DELAY;
    await buildPages(model, join(dir, 'thread'), join(dir, 'work'), { thread: true });
    // A build large enough for Astro's thread has mimalloc give freed memory back at once.
    expect(process.env.MIMALLOC_PURGE_DELAY).toBe(purge ?? '0');
    await buildPages(model, join(dir, 'here'), join(dir, 'work'), { thread: false });
    const pages = (await readdir(join(dir, 'here'), { recursive: true })).filter((file) => file.endsWith('.html')).sort();
    expect(pages).toContain('index.html');
    expect((await readdir(join(dir, 'thread'), { recursive: true })).filter((file) => file.endsWith('.html')).sort()).toEqual(pages);
    for (const page of pages) expect(await readFile(join(dir, 'thread', page), 'utf8'), page).toBe(await readFile(join(dir, 'here', page), 'utf8'));
    expect(await readdir(join(dir, 'work'))).toEqual([]);
  }, 120_000);

  it("has mimalloc give freed memory back at once, unless the adopter set how", () => {
    const unset: NodeJS.ProcessEnv = {};
    givePagesBackAtOnce(unset);
    expect(unset).toEqual({ MIMALLOC_PURGE_DELAY: '0' });
    const own: NodeJS.ProcessEnv = { MIMALLOC_PURGE_DELAY: '250' };
    givePagesBackAtOnce(own);
    expect(own).toEqual({ MIMALLOC_PURGE_DELAY: '250' });
  });

  it("fails with the message and hint of runAstro's KitpressError when Astro fails", async () => {
    // Astro cannot write into a folder that is a file.
    await writeFile(join(dir, 'not-a-folder'), '');
    const failure = await buildPages(model, join(dir, 'not-a-folder'), join(dir, 'work-2'), { thread: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KitpressError);
    expect((failure as KitpressError).message).toMatch(/^The website could not be built: /);
    expect((failure as KitpressError).message).toContain('not-a-folder');
    expect((failure as KitpressError).hint).toContain('bug in Kitpress');
    expect(await readdir(join(dir, 'work-2'))).toEqual([]);
  }, 120_000);
});
