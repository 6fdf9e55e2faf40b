import { pluralUi } from '../../src/core/plural.ts';
import { readFileSync, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Root } from 'hast';
import type { Block, Toolkit } from '../../src/core/model.ts';
import { KitpressError } from '../../src/core/diagnostics/diagnostic.ts';
import { kitPath, type HandoutFile, type KitFile } from '../../src/core/outputs.ts';
import { buildSiteModel } from '../../src/site/build-routes.ts';
import { fillKitSizes } from '../../src/kit/kit-sizes.ts';
import { fileFacts, formatBytes } from '../../src/core/format.ts';
import { forEachBlock } from '../../src/core/walk.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { contextWithNeutralPage, loadPages } from './browser-checks.ts';
import { buildFixtureSite, classes, crawlSite, elements, htmlFiles, launchChromium, pageAddress, parseHtml, runPa11y, runVnu, textOf } from './site-tools.ts';

// A toolkit in English, Spanish (draft and outdated translations) and Arabic (right to left,
// mostly fallback pages) that uses every block kind, built by the site writer alone.
let outDir: string;
let toolkit: Toolkit;
let handouts: HandoutFile[];
let server: StaticServer;
let browser: Browser;
const read = (file: string): Promise<Root> => parseHtml(join(outDir, file));
const attr = (tree: Root, tag: string, name: string) => elements(tree, (el) => el.tagName === tag)[0]?.properties[name];

beforeAll(async () => {
  const built = await buildFixtureSite();
  ({ outDir, toolkit, handouts } = built);
  [server, browser] = await Promise.all([startStaticServer(outDir, '/help-kit/'), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a site in three languages, one right to left', () => {
  it('covers every block kind (so the checks below see each renderer)', () => {
    const kinds = new Set<Block['type']>();
    for (const page of toolkit.locales[0]!.pages) forEachBlock(page.blocks, (b) => kinds.add(b.type));
    const all: Block['type'][] = ['heading', 'paragraph', 'list', 'quote', 'image', 'table', 'rule', 'checklist', 'tips', 'conversation', 'callout', 'hotline-list', 'source-list'];
    expect([...kinds].sort()).toEqual(all.sort());
  });

  it('builds the default language at the root and the others under /<code>/', async () => {
    const files = await htmlFiles(outDir);
    const slugs = ['', 'signs/', 'get-help/', 'sources/', 'downloads/', 'search/'];
    const expected = ['', 'es/', 'ar/'].flatMap((prefix) => slugs.map((slug) => `${prefix}${slug}index.html`));
    expect(files.sort()).toEqual([...expected, '404.html'].sort());
  });

  it('renders every block kind with the right markup', async () => {
    const home = await read('index.html');
    const signs = await read('signs/index.html');
    const help = await read('get-help/index.html');
    const sources = await read('sources/index.html');
    // Headings with ids, a table with column headers, an image copied from content/assets.
    expect(elements(signs, (el) => el.tagName === 'h2' && el.properties.id === 'changes')).toHaveLength(1);
    expect(elements(home, (el) => el.tagName === 'th' && el.properties.scope === 'col').map(textOf)).toEqual(['Page', 'What it holds']);
    const img = elements(home, (el) => el.tagName === 'img')[0]!;
    expect(img.properties).toMatchObject({ src: '/help-kit/assets/talk.svg', alt: 'Two people talking at a table' });
    expect(existsSync(join(outDir, 'assets/talk.svg'))).toBe(true);
    for (const tag of ['blockquote', 'ol', 'hr', 'code', 'em', 'strong']) expect(elements(signs, (el) => el.tagName === tag).length, tag).toBeGreaterThan(0);
    // Checklists, tips and conversations are lists; titles are headings under the current section.
    const checklist = elements(signs, (el) => classes(el).includes('checklist-items'))[0]!;
    expect(checklist.tagName).toBe('ul');
    expect(elements(checklist, (el) => el.tagName === 'li').map(textOf)).toEqual(['New gifts or money', 'Secrets about who they talk to']);
    expect(elements(signs, (el) => el.tagName === 'h3' && classes(el).includes('block-title')).map(textOf)).toEqual(['What you may notice', 'What helps', 'Ways to start']);
    expect(elements(signs, (el) => classes(el).includes('tips-items'))[0]?.tagName).toBe('ul');
    expect(elements(signs, (el) => classes(el).includes('listen-for')).map(textOf)).toEqual(['Listen for Apps you have not heard of.']);
    // Callouts say their kind in words.
    expect(textOf(elements(home, (el) => classes(el).includes('callout-important'))[0]!)).toContain('Important');
    expect(textOf(elements(signs, (el) => classes(el).includes('callout-worried'))[0]!)).toContain('If you are worried');
    // Hotlines: tel:, sms: with the body, https; citations and page links.
    const hrefs = (tree: Root) => elements(tree, (el) => el.tagName === 'a').map((el) => String(el.properties.href));
    expect(hrefs(home)).toContain('tel:911');
    expect(hrefs(signs)).toEqual(expect.arrayContaining(['sms:741741?body=HOME', 'https://example.org/report', '/help-kit/sources/#source-ncmec', 'https://example.org/guide']));
    expect(hrefs(home)).toEqual(expect.arrayContaining(['/help-kit/signs/#changes', '/help-kit/sources/#source-local']));
    expect(hrefs(help)).toEqual(expect.arrayContaining(['tel:18005550100', 'sms:741741?body=HOME', 'https://example.org/textline/', 'https://example.org/report']));
    expect(elements(help, (el) => String(el.properties.id).startsWith('hotline-')).map((el) => el.properties.id)).toEqual(['hotline-emergency', 'hotline-textline', 'hotline-report']);
    expect(elements(sources, (el) => String(el.properties.id).startsWith('source-')).map((el) => el.properties.id)).toEqual(['source-ncmec', 'source-local']);
  });

  it('sets lang, dir and the locale font on <html>, and mirrors Arabic', async () => {
    for (const [file, lang, dir, font] of [['index.html', 'en', 'ltr', 'atkinson-hyperlegible'], ['es/index.html', 'es', 'ltr', 'noto-sans'], ['ar/index.html', 'ar', 'rtl', 'noto-sans-arabic']] as const) {
      const tree = await read(file);
      const html = elements(tree, (el) => el.tagName === 'html')[0]!;
      expect(html.properties).toMatchObject({ lang, dir });
      expect(classes(html)).toContain(`font-${font}`);
      expect(elements(tree, (el) => el.tagName === 'link' && el.properties.href === `/help-kit/fonts/${font}.css`)).toHaveLength(1);
    }
    const css = readFileSync(join(outDir, 'fonts/noto-sans-arabic.css'), 'utf8');
    expect(css).toContain("font-family: 'Noto Sans Arabic'");
  });

  it('shows a missing translation in the default language, marked with its lang, with a notice in the reader\'s language', async () => {
    const tree = await read('ar/signs/index.html');
    const ar = toolkit.locales.find((l) => l.code === 'ar')!;
    expect(attr(tree, 'h1', 'lang')).toBe('en');
    const body = elements(tree, (el) => el.tagName === 'div' && classes(el).includes('content'));
    expect(body.length).toBeGreaterThan(0);
    for (const el of body) expect(el.properties).toMatchObject({ lang: 'en', dir: 'ltr' });
    const notice = elements(tree, (el) => classes(el).includes('notice'))[0]!;
    // The other language is named in the reader's words ("الإنجليزية", not "English").
    const english = new Intl.DisplayNames(['ar'], { type: 'language' }).of('en')!;
    expect(english).not.toBe('English');
    expect(textOf(notice)).toBe(ar.ui.fallbackNotice!.replace('{language}', english));
    expect(elements(tree, (el) => el.tagName === 'link' && String(el.properties.href).startsWith('/help-kit/fonts/')).map((el) => el.properties.href)).toEqual(['/help-kit/fonts/noto-sans-arabic.css', '/help-kit/fonts/atkinson-hyperlegible.css']);
    // Its canonical address is the page it repeats.
    expect(elements(tree, (el) => el.tagName === 'link' && (el.properties.rel as string[]).includes('canonical'))[0]?.properties.href).toBe('https://example.org/help-kit/signs/');
  });

  it('says when a translation is a draft or outdated', async () => {
    const es = toolkit.locales.find((l) => l.code === 'es')!;
    const notices = async (file: string) => elements(await read(file), (el) => classes(el).includes('notice')).map(textOf);
    expect(await notices('es/index.html')).toEqual([es.ui.draftNotice]);
    expect(await notices('es/signs/index.html')).toEqual([es.ui.outdatedNotice]);
    expect(await notices('signs/index.html')).toEqual([]);
    expect(await notices('ar/index.html')).toEqual([]);
  });

  it('links each page to itself in every language, each language named in itself', async () => {
    const tree = await read('es/signs/index.html');
    const nav = elements(tree, (el) => el.tagName === 'nav' && classes(el).includes('languages'))[0]!;
    const links = elements(nav, (el) => el.tagName === 'a').map((el) => ({ href: el.properties.href, lang: el.properties.lang, hreflang: el.properties.hrefLang, text: textOf(el), current: el.properties.ariaCurrent }));
    expect(links).toEqual([
      { href: '/help-kit/signs/', lang: 'en', hreflang: 'en', text: 'English', current: undefined },
      { href: '/help-kit/es/signs/', lang: 'es', hreflang: 'es', text: 'Español', current: 'page' },
      { href: '/help-kit/ar/signs/', lang: 'ar', hreflang: 'ar', text: 'العربية', current: undefined },
    ]);
    const alternates = elements(tree, (el) => el.tagName === 'link' && (el.properties.rel as string[]).includes('alternate')).map((el) => [el.properties.hrefLang, el.properties.href]);
    expect(alternates).toEqual([
      ['en', 'https://example.org/help-kit/signs/'],
      ['es', 'https://example.org/help-kit/es/signs/'],
      ['x-default', 'https://example.org/help-kit/signs/'],
    ]);
    expect(attr(tree, 'link', 'href')).toBeDefined();
  });

  it('links pages in menu order with previous and next, within the language', async () => {
    const tree = await read('es/signs/index.html');
    expect(elements(tree, (el) => el.tagName === 'a' && (el.properties.rel as string[] | undefined)?.[0] === 'prev')[0]?.properties.href).toBe('/help-kit/es/');
    expect(elements(tree, (el) => el.tagName === 'a' && (el.properties.rel as string[] | undefined)?.[0] === 'next')[0]?.properties.href).toBe('/help-kit/es/get-help/');
    const menu = elements(tree, (el) => el.tagName === 'nav' && el.properties.id === 'kp-menu')[0]!;
    expect(elements(menu, (el) => el.tagName === 'a').map((el) => el.properties.href)).toEqual(['/help-kit/es/', '/help-kit/es/signs/', '/help-kit/es/get-help/', '/help-kit/es/sources/', '/help-kit/es/downloads/']);
  });

  it('lists each language\'s handouts on its downloads page, and fills in the kit sizes once the kits exist', async () => {
    let offeredInSource = 0;
    for (const locale of toolkit.locales) {
      const file = `${locale.isDefault ? '' : `${locale.code}/`}downloads/index.html`;
      const tree = await read(file);
      // A page shown untranslated has no handout of its own: the source language's is offered, labelled.
      const fallbackOf = new Map(locale.pages.filter((p) => p.fallback && p.handout).map((p) => [p.slug, p.contentLocale]));
      const mine = handouts.filter((h) => h.locale === locale.code || fallbackOf.get(h.slug) === h.locale);
      const links = elements(tree, (el) => el.tagName === 'a' && String(el.properties.href).endsWith('.pdf'));
      expect(links.map((el) => el.properties.href).sort()).toEqual(mine.map((h) => `/help-kit/${h.path}`).sort());
      for (const handout of mine) {
        const text = textOf(links.find((el) => el.properties.href === `/help-kit/${handout.path}`)!);
        expect(text).toContain(formatBytes(handout.bytes, locale.lang));
        expect(text).toContain(pluralUi(locale.ui, locale.lang, 'pagesCount', handout.pages)!.replace('{count}', String(handout.pages)));
        if (handout.locale !== locale.code) {
          offeredInSource += 1;
          const source = toolkit.locales.find((l) => l.code === handout.locale)!;
          const name = new Intl.DisplayNames([locale.lang], { type: 'language' }).of(source.lang)!;
          expect(text).toContain(locale.ui.handoutInLanguage!.replace('{language}', name));
        }
      }
    }
    expect(offeredInSource).toBeGreaterThan(0);
    // The kit stage built the English and the all-languages kit only.
    const kits: KitFile[] = [
      { locale: 'en', path: kitPath(toolkit.name, 'en'), bytes: 1_234_567 },
      { locale: 'all', path: kitPath(toolkit.name, 'all'), bytes: 2_345_678 },
    ];
    await mkdir(join(outDir, 'kits'), { recursive: true });
    for (const kit of kits) await writeFile(join(outDir, kit.path), 'zip placeholder');
    await fillKitSizes(outDir, kits);
    const kitLinks = async (file: string) => elements(await read(file), (el) => el.tagName === 'a' && String(el.properties.href).endsWith('.zip')).map((el) => [el.properties.href, textOf(el)]);
    expect(await kitLinks('downloads/index.html')).toEqual([
      ['/help-kit/kits/fixture-kit-en.zip', `Download the offline kit (${fileFacts(['ZIP', formatBytes(1_234_567, 'en')])})`],
      ['/help-kit/kits/fixture-kit-all.zip', `Download the offline kit with every language (${fileFacts(['ZIP', formatBytes(2_345_678, 'en')])})`],
    ]);
    expect((await kitLinks('es/downloads/index.html')).map(([href]) => href)).toEqual(['/help-kit/kits/fixture-kit-all.zip']);
    expect((await kitLinks('ar/downloads/index.html'))[0]?.[1]).toContain(formatBytes(2_345_678, 'ar'));
  });

  it('lists canonical pages only in sitemap.xml', () => {
    const sitemap = readFileSync(join(outDir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace('https://example.org/help-kit/', ''));
    expect(locs.sort()).toEqual(['', 'signs/', 'get-help/', 'sources/', 'downloads/', 'es/', 'es/signs/', 'es/downloads/', 'ar/', 'ar/downloads/'].sort());
  });

  it('refuses a page whose address Kitpress needs for itself', () => {
    const en = toolkit.locales[0]!;
    const clash = { ...toolkit, locales: [{ ...en, pages: [...en.pages, { ...en.pages[1]!, slug: 'es', file: 'en/es.md' }] }, ...toolkit.locales.slice(1)] };
    expect(() => buildSiteModel(clash, [])).toThrow(KitpressError);
    expect(() => buildSiteModel(clash, [])).toThrow(/en\/es\.md/);
  });

  it('refuses to build pages with missing interface words, naming them', () => {
    const [en, ...rest] = toolkit.locales;
    const { leaveSite: _dropped, ...ui } = en!.ui;
    expect(() => buildSiteModel({ ...toolkit, locales: [{ ...en!, ui }, ...rest] }, [])).toThrow(/en does not have: leaveSite\./);
  });

  it('has no HTML errors (Nu Html Checker)', async () => {
    const files = await htmlFiles(outDir);
    expect(await runVnu(files.map((f) => join(outDir, f)))).toEqual([]);
  });

  it('has no accessibility issue on any page of any language (pa11y-ci, axe and HTML_CodeSniffer, WCAG 2 AA)', async () => {
    const urls = (await htmlFiles(outDir)).map((f) => pageAddress(server.url, f));
    const issues = await runPa11y(urls);
    expect(issues.map((i) => `${i.url.slice(server.origin.length)} ${i.runner ?? ''} ${i.code}: ${i.message} (${i.selector ?? ''})`)).toEqual([]);
  });

  it('has no broken link or resource under /help-kit/, loads nothing from another origin, and reflows at 320 px', async () => {
    const crawl = await crawlSite(server.url);
    expect(crawl.broken).toEqual([]);
    const urls = (await htmlFiles(outDir)).map((f) => pageAddress(server.url, f));
    expect(crawl.pages.length).toBe(urls.length - 1);
    const loads = await loadPages(browser, urls);
    expect(loads.flatMap((l) => [...l.foreign, ...l.errors].map((x) => `${l.url}: ${x}`))).toEqual([]);
    expect(loads.filter((l) => l.overflowAt.length).map((l) => `${l.url} at ${l.overflowAt.join(', ')} px`)).toEqual([]);
    expect(loads.find((l) => l.url.endsWith('/ar/'))?.fontsLoaded).toContain('Noto Sans Arabic');
    expect(loads.find((l) => l.url.endsWith('/es/'))?.fontsLoaded).toContain('Noto Sans');
  });

  it('has a working quick exit on a right-to-left page, at the inline end (left)', async () => {
    const { context } = await contextWithNeutralPage(browser, { viewport: { width: 360, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${server.url}ar/`);
    const box = (await page.locator('[data-quick-exit]').boundingBox())!;
    expect(box.x).toBeLessThan(60);
    expect(await page.locator('[data-quick-exit]').textContent()).toBe(toolkit.locales.find((l) => l.code === 'ar')!.ui.leaveSite);
    await Promise.all([page.waitForURL(/google\.com/), page.click('[data-quick-exit]')]);
    await context.close();
  });
});
