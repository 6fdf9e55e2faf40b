import { tempDir } from '../helpers/temp-dir.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleClientScript } from '../../src/site/client-script.ts';

/** A script of two modules, `main.ts` importing `words.ts`, and a cache folder beside them. */
function script() {
  const dir = tempDir('client');
  const entry = join(dir, 'main.ts');
  writeFileSync(entry, "import { word } from './words.ts';\ndocument.title = word;\n");
  const words = (word: string) => writeFileSync(join(dir, 'words.ts'), `export const word: string = '${word}';\n`);
  words('first');
  return { entry, words, cacheDir: join(dir, 'cache'), kept: join(dir, 'cache', 'site', 'client-script.json') };
}

describe('bundleClientScript with a cache folder', () => {
  it('uses the kept bundle while none of the files it was made from changed', async () => {
    const { entry, cacheDir, kept } = script();
    const first = await bundleClientScript({ entry, cacheDir });
    expect(first.code).toContain('"first"');
    expect(first.path).toMatch(/^js\/kitpress-[0-9a-f]{10}\.js$/);
    // What is kept is what is served: changed in the cache, it comes back as it is.
    const record = JSON.parse(readFileSync(kept, 'utf8')) as { code: string };
    writeFileSync(kept, JSON.stringify({ ...record, code: 'document.title="kept";' }));
    expect((await bundleClientScript({ entry, cacheDir })).code).toBe('document.title="kept";');
  });

  it('bundles again when a module the entry imports changed', async () => {
    const { entry, words, cacheDir } = script();
    const first = await bundleClientScript({ entry, cacheDir });
    words('second');
    const again = await bundleClientScript({ entry, cacheDir });
    expect(again.code).toContain('"second"');
    expect(again.path).not.toBe(first.path);
  });

  it('gives the same script with and without the cache', async () => {
    const { entry, cacheDir } = script();
    const plain = await bundleClientScript({ entry });
    await bundleClientScript({ entry, cacheDir });
    expect(await bundleClientScript({ entry, cacheDir })).toEqual(plain);
  });
});
