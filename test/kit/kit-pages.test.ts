import { tempDir } from '../helpers/temp-dir.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planKits } from '../../src/kit/kit-layout.ts';
import { KitPages, kitScope } from '../../src/kit/kit-pages.ts';
import { listSiteFiles, type SiteFile } from '../../src/kit/site-files.ts';
import type { KitPage } from '../../src/kit/make-kit.ts';
import { openKitPageStore } from '../../src/kit/kit-cache.ts';
import { fixtureSite, fixtureToolkit } from './fixture-site.ts';

/** The pages of the fixture site's kits (en, es, all), with no store. */
async function kitPages() {
  const toolkit = await fixtureToolkit();
  const siteFiles = await listSiteFiles(fixtureSite, toolkit);
  const pages = new KitPages();
  for (const plan of planKits(toolkit)) pages.add(plan.id, kitScope(toolkit, plan, siteFiles, []));
  return pages;
}

describe('KitPages', () => {
  it('rewrites a page for every kit not made yet that holds it, right after parsing it once', async () => {
    const bytes = await readFile(join(fixtureSite, 'es', 'index.html'));
    const alone = await kitPages();
    const expected = await alone.page('all', 'es/index.html', bytes);
    const pages = await kitPages();
    const es = await pages.page('es', 'es/index.html', bytes);
    expect(es.html).not.toBe(expected.html);
    // The all-languages copy was made with the Spanish kit's parse: these bytes are not parsed.
    const all = await pages.page('all', 'es/index.html', Buffer.from('<p>not parsed</p>'));
    expect(all).toEqual(expected);
    // Once taken, a copy is not held: asked again, the page is parsed from the bytes given.
    expect((await pages.page('all', 'es/index.html', Buffer.from('<p>parsed now</p>'))).html).toContain('parsed now');
  });

  it('makes no copies for a kit that is done', async () => {
    const bytes = await readFile(join(fixtureSite, 'index.html'));
    const pages = await kitPages();
    pages.done('all');
    await pages.page('en', 'index.html', bytes);
    expect((await pages.page('all', 'index.html', Buffer.from('<p>parsed now</p>'))).html).toContain('parsed now');
  });
});

describe('KitPages with a store of pages rewritten by an earlier build', () => {
  /** A store in memory that counts the pages written to it. */
  function memoryStore() {
    const pages = new Map<string, KitPage>();
    const store = {
      writes: 0,
      get: async (key: string) => pages.get(key),
      set: async (key: string, page: KitPage) => {
        pages.set(key, page);
        store.writes += 1;
      },
    };
    return store;
  }

  async function pagesWith(store: ReturnType<typeof memoryStore>, change: (files: SiteFile[]) => SiteFile[]) {
    const toolkit = await fixtureToolkit();
    const siteFiles = change(await listSiteFiles(fixtureSite, toolkit));
    const pages = new KitPages(store);
    for (const plan of planKits(toolkit)) pages.add(plan.id, kitScope(toolkit, plan, siteFiles, []));
    return pages;
  }

  it('takes a stored page when only files it does not link changed, and rewrites it when one it links went', async () => {
    const bytes = await readFile(join(fixtureSite, 'es', 'index.html'));
    const store = memoryStore();
    const first = await (await pagesWith(store, (files) => files)).page('es', 'es/index.html', bytes);
    expect(store.writes).toBeGreaterThan(0);
    const linked = first.reads!.places.find(([path, place]) => place !== null && path !== 'es/index.html' && path.endsWith('.html'))![0];

    // Another language's search index renamed, as an edit of an English page does: nothing to redo.
    store.writes = 0;
    const renamed = await pagesWith(store, (files) => [...files, { path: 'js/search-en-0123456789.js', role: { kind: 'shared' } }]);
    expect(await renamed.page('es', 'es/index.html', bytes)).toEqual(first);
    expect(store.writes).toBe(0);

    // A page it links is gone: its link now leads to the hosted site, so the page is rewritten.
    const gone = await pagesWith(store, (files) => files.filter((f) => f.path !== linked));
    const again = await gone.page('es', 'es/index.html', bytes);
    expect(store.writes).toBeGreaterThan(0);
    const hosted = `href="${new URL(linked.replace(/index\.html$/, ''), (await fixtureToolkit()).siteUrl).href}"`;
    expect(first.html).not.toContain(hosted);
    expect(again.html).toContain(hosted);
  });
});

describe('openKitPageStore', () => {
  it('takes a broken pages.json for an empty store, so the kits are made again rather than the build failing', async () => {
    const cacheDir = tempDir('kit-store');
    await mkdir(join(cacheDir, 'kits'));
    await writeFile(join(cacheDir, 'kits', 'pages.json'), '{"half');
    const store = openKitPageStore(cacheDir, 'code');
    expect(await store.get('any key')).toBeUndefined();
    await store.set('any key', { html: '<p>x</p>', used: [], missing: [], dropped: [] });
    await store.save();
    expect(await openKitPageStore(cacheDir, 'code').get('any key')).toEqual({ html: '<p>x</p>', used: [], missing: [], dropped: [] });
  });
});
