import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page as Tab } from 'playwright-core';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale, Toolkit } from '../../src/core/model.ts';
import { kitPath, routePath } from '../../src/core/outputs.ts';
import { searchData } from '../../src/site/search-index.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { builtSite, defaultToolkit } from '../kit/built-site.ts';
import { launchChromium } from '../kit/crawl-kit.ts';
import { removeTempDirs } from '../kit/temp-dirs.ts';
import { unpackKit } from '../kit/zip-tools.ts';

// Search as a reader uses it: typed into the box of a page, on the hosted site and from an
// unzipped kit on file://, in every language, with accents or without.
let toolkit: Toolkit;
let server: StaticServer;
let browser: Browser;

/** Terms from the issue, each in the locale it is searched in, with the same word typed without its accents or marks. */
const queries = [
  { locale: 'en', query: 'sextortion', plain: 'SEXTORTION' },
  { locale: 'es', query: 'señales', plain: 'senales' },
  { locale: 'vi', query: 'dấu hiệu', plain: 'dau hieu' },
  { locale: 'ar', query: 'علامات', plain: 'عَلامات' },
  { locale: 'zh', query: '迹象', plain: '迹象' },
];

const localeOf = (code: string) => toolkit.locales.find((l) => l.code === code);

/** Pages of a locale whose text (title, headings, body) has the query as written, found by plain string search. */
function pagesWith(locale: Locale, query: string): string[] {
  const data = searchData(toolkit, locale);
  const hits = new Set<string>();
  for (const [page, heading, , text] of data.docs) {
    const [title, path] = data.pages[page]!;
    if (`${title} ${heading} ${text}`.toLowerCase().includes(query.toLowerCase())) hits.add(path);
  }
  return [...hits].sort();
}

/** Types into the header search box and waits for the announced result count. */
async function typeSearch(tab: Tab, query: string): Promise<{ status: string; links: string[]; marks: string[] }> {
  const box = tab.getByRole('search').getByRole('searchbox');
  await box.fill('');
  await box.pressSequentially(query, { delay: 20 });
  const status = tab.getByRole('search').getByRole('status');
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain(query);
  const results = tab.locator('#kp-search-results');
  return {
    status: (await status.textContent()) ?? '',
    links: await results.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)),
    marks: await results.locator('mark').allTextContents(),
  };
}

/** The pages (folders relative to the locale home) that a list of result links leads to. */
function resultPages(links: string[], home: string): string[] {
  return [...new Set(links.map((href) => decodeURI(href.split('#')[0]!).slice(decodeURI(home).length).replace(/index\.html$/, '')))].sort();
}

beforeAll(async () => {
  toolkit = await defaultToolkit();
  server = await startStaticServer(builtSite, new URL(toolkit.siteUrl).pathname);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeTempDirs();
});

describe('search', () => {
  it('keeps every locale index a classic script of at most 60 kB', async () => {
    const files = await glob('js/search-*.js', { cwd: builtSite });
    expect(files.length).toBe(toolkit.locales.length);
    for (const file of files) {
      expect(statSync(join(builtSite, file)).size, file).toBeLessThanOrEqual(60 * 1024);
    }
  });

  it('finds the right pages as the reader types on the hosted site, with accents or without', async () => {
    const tab = await browser.newPage();
    const foreign: string[] = [];
    tab.on('request', (r) => {
      if (!r.url().startsWith(server.origin)) foreign.push(r.url());
    });
    for (const { locale: code, query, plain } of queries) {
      const locale = localeOf(code);
      if (!locale) continue;
      const expected = pagesWith(locale, query);
      expect(expected.length, `${code} has pages with ${query}`).toBeGreaterThan(0);
      const home = `${server.url}${routePath(toolkit, code, '')}`;
      await tab.goto(home);
      for (const typed of [query, plain]) {
        const found = await typeSearch(tab, typed);
        // The short list shows the best few; every one is a page that has the word.
        expect(resultPages(found.links, home).every((p) => expected.includes(p)), `${code} ${typed}: ${found.links.join(' ')}`).toBe(true);
        expect(found.links.length).toBeGreaterThan(0);
        expect(found.marks.length, `${code} ${typed} marks`).toBeGreaterThan(0);
      }
      // The search page lists every page that has the word.
      await tab.goto(`${server.url}${routePath(toolkit, code, 'search')}?q=${encodeURIComponent(query)}`);
      const list = tab.locator('#kp-search-page-results a');
      await list.first().waitFor();
      const all = await list.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(resultPages(all, home), `${code} ${query} on the search page`).toEqual(expected);
      expect(await tab.getByRole('searchbox').inputValue()).toBe(query);
    }
    expect(foreign).toEqual([]);
    await tab.close();
  });

  it('is usable with the keyboard alone: type, arrow down to a result, Enter opens it, Escape closes the list', async () => {
    const tab = await browser.newPage();
    await tab.goto(server.url);
    await tab.keyboard.press('Tab'); // skip link
    const box = tab.getByRole('search').getByRole('searchbox');
    await box.focus();
    await tab.keyboard.type('grooming');
    await expect.poll(() => tab.locator('#kp-search-results a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await tab.keyboard.press('Escape');
    expect(await tab.locator('#kp-search-results').isVisible()).toBe(false);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await tab.keyboard.type(' ');
    await tab.locator('#kp-search-results').waitFor({ state: 'visible' });
    await tab.keyboard.press('ArrowDown');
    const first = tab.locator('#kp-search-results a').first();
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    const target = await first.evaluate((a) => (a as HTMLAnchorElement).href);
    await Promise.all([tab.waitForURL(target), tab.keyboard.press('Enter')]);
    await tab.close();
  });

  it('works without JavaScript: the form goes to the search page, which lists every page', async () => {
    const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(server.url);
    await tab.getByRole('search').getByRole('searchbox').fill('signs');
    await Promise.all([tab.waitForURL(/\/search\/\?q=signs$/), tab.getByRole('search').getByRole('button').click()]);
    const en = localeOf(toolkit.defaultLocale)!;
    const listed = await tab.locator('.every-page > li > a').allTextContents();
    expect(listed).toEqual(en.pages.map((p) => p.title));
    await context.close();
  });

  it('works from an unzipped kit on file:// in a folder named "Mi Kit (ñ) v1", with no network request', async () => {
    for (const code of [toolkit.defaultLocale, ...toolkit.locales.filter((l) => !l.isDefault).map((l) => l.code)].slice(0, 4)) {
      const top = `${toolkit.name}-${code}`;
      const folder = await unpackKit(join(builtSite, kitPath(toolkit.name, code)), top);
      const context = await browser.newContext();
      const network: string[] = [];
      context.on('request', (r) => {
        if (!/^(file|data):/.test(r.url())) network.push(r.url());
      });
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      tab.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      const home = pathToFileURL(join(folder, '/')).href;
      await tab.goto(`${home}index.html`);
      const { query } = queries.find((q) => q.locale === code) ?? { query: 'sextortion' };
      const expected = pagesWith(localeOf(code)!, query);
      const found = await typeSearch(tab, query);
      expect(found.links.length, `${code} kit`).toBeGreaterThan(0);
      expect(found.links.every((href) => href.startsWith(home) && /index\.html(#.*)?$/.test(href)), found.links.join(' ')).toBe(true);
      expect(resultPages(found.links, home).every((p) => expected.includes(p))).toBe(true);
      // Enter goes to the kit's search page, which shows every match.
      await Promise.all([tab.waitForURL(/search\/index\.html\?q=/), tab.getByRole('search').getByRole('searchbox').press('Enter')]);
      await tab.locator('#kp-search-page-results a').first().waitFor();
      const all = await tab.locator('#kp-search-page-results a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(resultPages(all, home)).toEqual(expected);
      await tab.locator('#kp-search-page-results a').first().click();
      expect(await tab.locator('h1').textContent()).toBeTruthy();
      expect(network, `${code} kit`).toEqual([]);
      expect(errors, `${code} kit`).toEqual([]);
      await context.close();
    }
  });
});
