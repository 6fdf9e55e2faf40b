import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planKits } from '../../src/kit/kit-layout.ts';
import { KitPages, kitScope } from '../../src/kit/kit-pages.ts';
import { listSiteFiles } from '../../src/kit/site-files.ts';
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
