import { pluralUi } from '../../src/core/plural.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { glob } from 'tinyglobby';
import type { Root } from 'hast';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import type { Toolkit } from '../../src/core/model.ts';
import { formatBytes } from '../../src/core/format.ts';
import { inlineHash } from '../../src/core/content-security-policy.ts';
import { routePath } from '../../src/core/outputs.ts';
import { builtDefault, defaultContent } from '../helpers/paths.ts';
import { classes, elements, htmlFiles, parseHtml, textOf } from './site-tools.ts';

// The default content as the test run built it (test/helpers/global-setup.ts), read like a browser would.
let toolkit: Toolkit;
const pages = new Map<string, Root>();
const page = (path: string) => {
  const tree = pages.get(path);
  if (!tree) throw new Error(`No built page ${path}`);
  return tree;
};

beforeAll(async () => {
  const read = await readToolkit(defaultContent);
  toolkit = read.toolkit!;
  for (const file of await htmlFiles(builtDefault)) pages.set(file, await parseHtml(join(builtDefault, file)));
});

const fileOf = (locale: string, slug: string) => `${routePath(toolkit, locale, slug)}index.html`;

describe('the built default site', () => {
  it('has a page for every page of every locale, a downloads and a search page per locale and a 404 page', () => {
    const expected = toolkit.locales.flatMap((l) => [...l.pages.map((p) => fileOf(l.code, p.slug)), fileOf(l.code, 'downloads'), fileOf(l.code, 'search')]);
    expect([...pages.keys()].sort()).toEqual([...expected, '404.html'].sort());
  });

  it('gives every page one h1 (its title), headings in order, lang, a canonical link and a description', () => {
    for (const locale of toolkit.locales) {
      for (const p of locale.pages) {
        const tree = page(fileOf(locale.code, p.slug));
        const headings = elements(tree, (el) => /^h[1-6]$/.test(el.tagName));
        const h1 = headings.filter((el) => el.tagName === 'h1');
        expect(h1.map(textOf), p.file).toEqual([p.title]);
        expect(headings[0]?.tagName, p.file).toBe('h1');
        let last = 1;
        for (const heading of headings) {
          const level = Number(heading.tagName[1]);
          expect(level - last, `${p.file}: ${heading.tagName} "${textOf(heading)}" after h${last}`).toBeLessThanOrEqual(1);
          last = level;
        }
        const html = elements(tree, (el) => el.tagName === 'html')[0]!;
        expect(html.properties.lang).toBe(locale.lang);
        expect(html.properties.dir).toBe(locale.dir);
        const canonical = elements(tree, (el) => el.tagName === 'link' && (el.properties.rel as string[]).includes('canonical'));
        // A fallback page repeats the default language's page, which is the canonical one.
        const canonicalLocale = p.fallback ? toolkit.defaultLocale : locale.code;
        expect(canonical.map((el) => el.properties.href)).toEqual([new URL(routePath(toolkit, canonicalLocale, p.slug), toolkit.siteUrl).href]);
        const description = elements(tree, (el) => el.tagName === 'meta' && el.properties.name === 'description');
        expect(description[0]?.properties.content).toBe(p.description);
      }
    }
  });

  it('has landmarks, a skip link first and the quick exit right after it on every page', () => {
    for (const [file, tree] of pages) {
      for (const tag of ['header', 'main', 'footer', 'nav']) expect(elements(tree, (el) => el.tagName === tag).length, `${file} <${tag}>`).toBeGreaterThan(0);
      const focusable = elements(tree, (el) => (el.tagName === 'a' && 'href' in el.properties) || el.tagName === 'button');
      expect(classes(focusable[0]!), file).toContain('skip-link');
      expect(focusable[0]!.properties.href).toBe('#kp-main');
      expect(focusable[1]!.properties.dataQuickExit, file).toBe('');
      expect(focusable[1]!.properties.dataNeutralUrl).toMatch(/^https:\/\//);
    }
  });

  it('runs only classic scripts: the small inline quick exit, allowed by its hash, and the site\'s own script file', () => {
    for (const [file, tree] of pages) {
      const scripts = elements(tree, (el) => el.tagName === 'script');
      const csp = elements(tree, (el) => el.tagName === 'meta' && String(el.properties.httpEquiv).toLowerCase() === 'content-security-policy');
      const policy = String(csp[0]?.properties.content);
      expect(policy).toContain("default-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).toMatch(/script-src 'self' 'sha256-/);
      // Module scripts do not run from an unzipped kit (file://); classic ones, inline or from a file, do.
      for (const script of scripts) expect(script.properties.type, file).toBeUndefined();
      const inline = scripts.filter((el) => el.properties.src === undefined);
      expect(inline.length, file).toBe(1);
      expect(textOf(inline[0]!)).toContain('data-quick-exit');
      expect(textOf(inline[0]!).length).toBeLessThan(1500);
      expect(policy, file).toContain(inlineHash(textOf(inline[0]!)));
      // The site's script (search, offline save) is a file of this site, named by its hash, run after parsing.
      const files = scripts.filter((el) => el.properties.src !== undefined);
      expect(files.map((el) => String(el.properties.src)), file).toEqual([expect.stringMatching(new RegExp(`^${new URL(toolkit.siteUrl).pathname}js/kitpress-[0-9a-f]{10}\\.js$`))]);
      expect(files[0]!.properties.defer, file).toBe(true);
      expect(existsSync(join(builtDefault, String(files[0]!.properties.src).slice(new URL(toolkit.siteUrl).pathname.length))), file).toBe(true);
    }
  });

  it('shows every hotline phone number from the model as a tel: link on the get-help page', () => {
    for (const locale of toolkit.locales) {
      const help = locale.pages.find((p) => p.slug === 'get-help')!;
      const links = elements(page(fileOf(locale.code, help.slug)), (el) => el.tagName === 'a' && String(el.properties.href).startsWith('tel:'));
      const dialled = new Set(links.map((el) => String(el.properties.href).slice(4)));
      const phones = locale.hotlines.filter((h) => h.phone);
      expect(phones.length).toBeGreaterThan(0);
      for (const hotline of phones) {
        // Keypad letters dial their digits: 1-800-CALL-FBI is 1-800-225-5324.
        const digits = hotline.phone!.replace(/[A-Z]/g, (c) => String('22233344455566677778889999'[c.charCodeAt(0) - 65])).replace(/[^\d+]/g, '');
        expect(dialled, `${hotline.id} ${hotline.phone}`).toContain(digits);
        expect(links.some((el) => textOf(el).includes(hotline.phone!)), `${hotline.phone} shown as written`).toBe(true);
      }
    }
  });

  it('puts the primary hotlines and a way to the help page on every page', () => {
    for (const [file, tree] of pages) {
      const box = elements(tree, (el) => el.tagName === 'aside' && el.properties.id === 'kp-help')[0];
      expect(box, file).toBeDefined();
      const tels = elements(box!, (el) => el.tagName === 'a' && String(el.properties.href).startsWith('tel:')).map((el) => el.properties.href);
      const locale = toolkit.locales.find((l) => l.lang === elements(tree, (el) => el.tagName === 'html')[0]!.properties.lang)!;
      for (const hotline of locale.hotlines.filter((h) => h.primary && h.phone)) expect(tels, file).toContain(`tel:${hotline.phone!.replace(/[^\d+]/g, '')}`);
      // The help box gives every primary hotline's web address too.
      const hrefs = elements(box!, (el) => el.tagName === 'a').map((el) => el.properties.href);
      for (const hotline of locale.hotlines.filter((h) => h.primary && h.url)) expect(hrefs, file).toContain(hotline.url);
      expect(textOf(box!), file).toContain(locale.ui.hotlinesArea);
    }
  });

  it('lists every handout PDF on the downloads page, with paper size, page count and file size', async () => {
    for (const locale of toolkit.locales) {
      const pdfs = await glob(`pdf/${locale.code}/*.pdf`, { cwd: builtDefault });
      // An untranslated page prints no handout in this language (the downloads offer the source's);
      // the facilitator guide (every page in one PDF) is there in every paper size too.
      const expected = (locale.pages.filter((p) => p.handout && !p.fallback).length + 1) * toolkit.paper.length;
      expect(pdfs.length, 'PDFs the handout stage wrote').toBe(expected);
      const downloads = page(fileOf(locale.code, 'downloads'));
      const links = elements(downloads, (el) => el.tagName === 'a' && String(el.properties.href).endsWith('.pdf'));
      expect(links.length).toBe(pdfs.length);
      for (const pdf of pdfs) {
        const link = links.find((el) => el.properties.href === new URL(pdf, toolkit.siteUrl).pathname);
        expect(link, pdf).toBeDefined();
        const text = textOf(link!);
        const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(builtDefault, pdf)], { encoding: 'utf8' }))![1]);
        expect(text, pdf).toContain(formatBytes(statSync(join(builtDefault, pdf)).size, locale.lang));
        expect(text, pdf).toContain(pluralUi(locale.ui, locale.lang, 'pagesCount', pageCount)!.replace('{count}', String(pageCount)));
        expect(text, pdf).toContain(pdf.endsWith('-a4.pdf') ? locale.ui.paperA4 : locale.ui.paperLetter);
      }
      const kits = elements(downloads, (el) => el.tagName === 'a' && String(el.properties.href).endsWith('.zip'));
      expect(kits.map((el) => el.properties.href)).toContain(new URL(`kits/${toolkit.name}-${locale.code}.zip`, toolkit.siteUrl).pathname);
    }
  });

  it('writes sitemap.xml with every page at the hosted address, robots.txt and 404.html', () => {
    const sitemap = readFileSync(join(builtDefault, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const expected = toolkit.locales.flatMap((l) => [...l.pages.filter((p) => !p.fallback).map((p) => p.slug), 'downloads'].map((slug) => new URL(routePath(toolkit, l.code, slug), toolkit.siteUrl).href));
    expect(locs.sort()).toEqual(expected.sort());
    expect(readFileSync(join(builtDefault, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${toolkit.siteUrl}sitemap.xml`);
    const notFound = page('404.html');
    const hrefs = elements(notFound, (el) => el.tagName === 'a' && typeof el.properties.href === 'string').map((el) => String(el.properties.href));
    // A 404 page is served at any address, so its links cannot be relative.
    for (const href of hrefs) expect(href, href).toMatch(/^(\/safer-online\/|#|https?:|tel:|sms:|mailto:)/);
  });

  it('ships its own fonts, only WOFF2, and no file from another origin', async () => {
    const fonts = await glob('fonts/*', { cwd: builtDefault });
    expect(fonts).toContain('fonts/atkinson-hyperlegible.css');
    expect(fonts.filter((f) => !f.endsWith('.css')).every((f) => f.endsWith('.woff2'))).toBe(true);
    for (const [file, tree] of pages) {
      const resources = elements(tree, (el) => ['link', 'script', 'img', 'source', 'iframe'].includes(el.tagName) && !(el.tagName === 'link' && ((el.properties.rel as string[]).includes('canonical') || (el.properties.rel as string[]).includes('alternate'))));
      for (const el of resources) {
        const url = String(el.properties.href ?? el.properties.src ?? '');
        if (url) expect(url.startsWith('/safer-online/') || url.startsWith('data:'), `${file}: ${url}`).toBe(true);
      }
    }
  });

  it('leaves the PDFs the handout stage wrote in place', () => {
    expect(existsSync(join(builtDefault, 'pdf'))).toBe(true);
  });
});
