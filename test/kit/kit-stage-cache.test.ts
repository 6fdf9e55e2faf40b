import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../src/build/progress.ts';
import type { KitFile } from '../../src/core/outputs.ts';
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
});
