import { cp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../src/build/progress.ts';
import type { KitFile } from '../../src/core/outputs.ts';
import { pruneUnused, UNUSED_KEPT_MS } from '../../src/kit/prune-kit-cache.ts';
import { writeKits } from '../../src/kit/write-kits.ts';
import { fixtureContext, fixtureSite } from './fixture-site.ts';
import { removeTempDirs, tempDir } from './temp-dirs.ts';

afterAll(removeTempDirs);

/** The kit stage over a fresh copy of the fixture site with a shared cache, with the lines it printed. */
async function run(cacheDir: string, edit?: (outDir: string) => Promise<void>) {
  const context = await fixtureContext();
  const lines: string[] = [];
  const stream = { write: (text: string) => lines.push(text) } as unknown as NodeJS.WritableStream;
  await cp(fixtureSite, context.outDir, { recursive: true });
  await edit?.(context.outDir);
  const kits = await writeKits({ ...context, cacheDir, progress: createProgress({ stream }) });
  const zips = await Promise.all(kits.map((kit: KitFile) => readFile(join(context.outDir, kit.path))));
  return { kits, zips, log: lines.join('') };
}

describe('the kit stage as a whole', () => {
  it('is skipped when none of its inputs changed, with the same zips', async () => {
    const cacheDir = await tempDir('kitpress-kit-stage-');
    const first = await run(cacheDir);
    expect(first.log).toMatch(/kits: \d+ zipped, \d+ from cache/);
    const again = await run(cacheDir);
    expect(again.log).toMatch(/none of their inputs changed since the last build/);
    expect(again.log).not.toMatch(/zipped/);
    expect(again.kits).toEqual(first.kits);
    first.zips.forEach((zip, i) => expect(zip.equals(again.zips[i]!)).toBe(true));
  });

  it('runs again when a file of the site changed, or a cached zip is gone', async () => {
    const cacheDir = await tempDir('kitpress-kit-stage-');
    const first = await run(cacheDir);
    const edit = async (outDir: string) => {
      const page = join(outDir, 'index.html');
      await writeFile(page, (await readFile(page, 'utf8')).replace('</main>', '<p>One more line.</p></main>'));
    };
    const edited = await run(cacheDir, edit);
    expect(edited.log).toMatch(/kits: \d+ zipped, \d+ from cache/);
    expect(edited.zips.some((zip, i) => !zip.equals(first.zips[i]!))).toBe(true);
    // The stage's record names the zips of the edited site; without one of them the stage runs.
    const record = JSON.parse(await readFile(join(cacheDir, 'kits', 'stage.json'), 'utf8')) as { kits: { zipKey: string }[] };
    await rm(join(cacheDir, 'kits', `${record.kits[0]!.zipKey}.zip`));
    const again = await run(cacheDir, edit);
    expect(again.log).toMatch(/kits: [1-9]\d* zipped, \d+ from cache/);
    edited.zips.forEach((zip, i) => expect(zip.equals(again.zips[i]!)).toBe(true));
  });

  it("removes the cached zips and compressed files no kit of the build holds, once they are an hour old", async () => {
    const cacheDir = await tempDir('kitpress-kit-stage-');
    const kitsDir = join(cacheDir, 'kits');
    const deflated = join(kitsDir, 'deflated');
    const names = async (dir: string, ending: string) => (await readdir(dir)).filter((name) => name.endsWith(ending)).sort();
    /** Makes every file of a folder look last used two hours ago. */
    const age = async (dir: string) => {
      const then = new Date(Date.now() - 2 * UNUSED_KEPT_MS);
      for (const name of await readdir(dir)) if ((await stat(join(dir, name))).isFile()) await utimes(join(dir, name), then, then);
    };
    const edit = async (outDir: string) => {
      const page = join(outDir, 'index.html');
      await writeFile(page, (await readFile(page, 'utf8')).replace('</main>', '<p>One more line.</p></main>'));
    };
    const first = await run(cacheDir);
    const firstZips = await names(kitsDir, '.zip');
    expect(firstZips).toHaveLength(first.kits.length);
    const firstDeflated = await names(deflated, '.deflate');

    // An edit a minute later: the first build's zips are kept (another build may be using them).
    const edited = await run(cacheDir, edit);
    const editedZips = await names(kitsDir, '.zip');
    expect(editedZips.length).toBeGreaterThan(first.kits.length);
    expect(editedZips).toEqual(expect.arrayContaining(firstZips));

    // An hour on, the next edit's build keeps only what its kits hold.
    await age(kitsDir);
    await age(deflated);
    const later = async (outDir: string) => {
      await edit(outDir);
      await writeFile(join(outDir, 'index.html'), (await readFile(join(outDir, 'index.html'), 'utf8')).replace('</main>', '<p>And one more.</p></main>'));
    };
    const again = await run(cacheDir, later);
    const record = JSON.parse(await readFile(join(kitsDir, 'stage.json'), 'utf8')) as { kits: { zipKey: string }[] };
    expect(await names(kitsDir, '.zip')).toEqual(record.kits.map((kit) => `${kit.zipKey}.zip`).sort());
    expect(await names(kitsDir, '.json')).toEqual([...record.kits.map((kit) => `${kit.zipKey}.json`), 'pages.json', 'stage.json'].sort());
    const kept = await names(deflated, '.deflate');
    // The files every build holds stay (fonts, scripts, unchanged pages); the edited pages' old copies went.
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.filter((name) => !firstDeflated.includes(name)).length).toBeGreaterThan(0);
    expect(firstDeflated.filter((name) => !kept.includes(name)).length).toBeGreaterThan(0);
    // What is left builds the same kits from the cache.
    const same = await run(cacheDir, later);
    expect(same.log).toMatch(/none of their inputs changed since the last build/);
    again.zips.forEach((zip, i) => expect(zip.equals(same.zips[i]!)).toBe(true));
    expect(edited.kits.length).toBe(again.kits.length);
  });
});

describe('pruneUnused', () => {
  it('removes only keyed files that are unused and an hour old', async () => {
    const dir = await tempDir('kitpress-prune-');
    const key = (c: string) => c.repeat(64);
    const old = new Date(Date.now() - 2 * UNUSED_KEPT_MS);
    const files = { usedOld: `${key('a')}.zip`, unusedOld: `${key('b')}.zip`, unusedOldJson: `${key('c')}.json`, unusedNew: `${key('d')}.deflate`, other: 'pages.json', odd: `${key('e')}.txt` };
    for (const name of Object.values(files)) await writeFile(join(dir, name), name);
    for (const name of [files.usedOld, files.unusedOld, files.unusedOldJson, files.other, files.odd]) await utimes(join(dir, name), old, old);
    expect(await pruneUnused(dir, new Set([files.usedOld]))).toBe(2);
    expect((await readdir(dir)).sort()).toEqual([files.usedOld, files.unusedNew, files.odd, files.other].sort());
    // A folder that is not there has nothing to prune.
    expect(await pruneUnused(join(dir, 'none'), new Set())).toBe(0);
  });
});
