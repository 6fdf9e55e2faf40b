import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openKitPageStore } from '../../src/kit/kit-cache.ts';
import type { KitPage } from '../../src/kit/make-kit.ts';
import { openJsonEntries } from '../../src/kit/write-json-entries.ts';
import { removeTempDirs, tempDir } from './temp-dirs.ts';

const page = (html: string): KitPage => ({ html, used: ['css/site.css'], missing: [], dropped: [] });

describe('the kit page store', () => {
  afterAll(removeTempDirs);

  it('gives the next build the pages this build used, and only those', async () => {
    const dir = await tempDir('kitpress-page-store-');
    const first = openKitPageStore(dir, 'code');
    await first.set('a', page('<p>señales ✓ "quoted"</p>'));
    await first.set('b', page('<p>b</p>'));
    await first.save();
    const second = openKitPageStore(dir, 'code');
    expect(await second.get('a')).toEqual(page('<p>señales ✓ "quoted"</p>'));
    await second.save();
    const third = openKitPageStore(dir, 'code');
    expect(await third.get('a')).toEqual(page('<p>señales ✓ "quoted"</p>'));
    expect(await third.get('b')).toBeUndefined();
    // Another kit writer's pages are not taken for this one's.
    expect(await openKitPageStore(dir, 'other code').get('a')).toBeUndefined();
  });

  it('leaves the last pages.json as it was, and no other file, when the build stops before save', async () => {
    const dir = await tempDir('kitpress-page-store-');
    const first = openKitPageStore(dir, 'code');
    await first.set('a', page('<p>a</p>'));
    await first.save();
    const before = await readFile(join(dir, 'kits', 'pages.json'), 'utf8');
    const stopped = openKitPageStore(dir, 'code');
    await stopped.set('b', page(`<p>${'b'.repeat(3 << 20)}</p>`));
    expect(await stopped.get('a')).toEqual(page('<p>a</p>'));
    await stopped.close();
    expect(await readdir(join(dir, 'kits'))).toEqual(['pages.json']);
    expect(await readFile(join(dir, 'kits', 'pages.json'), 'utf8')).toBe(before);
    // A page found again is kept by the next save, with the pages set.
    const next = openKitPageStore(dir, 'code');
    expect(await next.get('a')).toEqual(page('<p>a</p>'));
    await next.set('c', page('<p>c</p>'));
    await next.save();
    const after = openKitPageStore(dir, 'code');
    expect(await after.get('a')).toEqual(page('<p>a</p>'));
    expect(await after.get('c')).toEqual(page('<p>c</p>'));
  });
});

/** Writes `entries` through one writer, as the page store does. */
async function writeJsonEntries(path: string, entries: [string, unknown][]): Promise<void> {
  const writer = openJsonEntries(path);
  for (const [key, value] of entries) await writer.add(key, value);
  await writer.commit();
}

describe('openJsonEntries', () => {
  afterAll(removeTempDirs);

  it("writes the text JSON.stringify gives, long or empty, and leaves no other file", async () => {
    const dir = await tempDir('kitpress-json-entries-');
    const entries: [string, KitPage][] = Array.from({ length: 300 }, (_, i) => [`key ${i} ñ`, page(`<p>${'x\u2028"\\ '.repeat(1000 + i)}</p>`)]);
    await writeJsonEntries(join(dir, 'pages.json'), entries);
    expect(await readFile(join(dir, 'pages.json'), 'utf8')).toBe(JSON.stringify(Object.fromEntries(entries)));
    await writeJsonEntries(join(dir, 'empty.json'), []);
    expect(await readFile(join(dir, 'empty.json'), 'utf8')).toBe('{}');
    expect((await readdir(dir)).sort()).toEqual(['empty.json', 'pages.json']);
  });
});
