import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import type { Toolkit } from '../../src/core/model.ts';
import { builtDefault, defaultContent } from '../helpers/paths.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { contextWithNeutralPage, loadPages, type PageLoad } from './browser-checks.ts';
import { crawlSite, htmlFiles, launchChromium, pageAddress } from './site-tools.ts';

// One browser and one server for the whole file; the site is served under its sub-path.
let browser: Browser;
let toolkit: Toolkit;
let server: StaticServer;
let urls: string[];
let loads: Promise<PageLoad[]> | undefined;
/** Every page loaded once in Chromium, shared by the tests that look at it. */
const loaded = () => (loads ??= loadPages(browser, urls));

beforeAll(async () => {
  toolkit = (await readToolkit(defaultContent)).toolkit!;
  [browser, server] = await Promise.all([launchChromium(), startStaticServer(builtDefault, '/safer-online/')]);
  urls = (await htmlFiles(builtDefault)).map((file) => pageAddress(server.url, file));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the default site hosted under /safer-online/', () => {
  it('has no broken link, style sheet, script, image, font or anchor on any page', async () => {
    const crawl = await crawlSite(server.url);
    const notFound = await crawlSite(`${server.url}404.html`);
    expect([...crawl.broken, ...notFound.broken]).toEqual([]);
    // Every page is reachable by following links from the home page.
    expect(crawl.pages.length).toBe(urls.length - 1);
    expect(crawl.checked).toBeGreaterThan(100);
  });

  it('makes no request to another origin and has no console or CSP error on any page', async () => {
    const all = await loaded();
    expect(all.flatMap((l) => l.foreign.map((f) => `${l.url} -> ${f}`))).toEqual([]);
    expect(all.flatMap((l) => l.errors.map((e) => `${l.url}: ${e}`))).toEqual([]);
  });

  it("loads each language's own font from the site", async () => {
    const families = { 'atkinson-hyperlegible': 'Atkinson Hyperlegible', 'noto-sans': 'Noto Sans', 'noto-sans-arabic': 'Noto Sans Arabic', 'noto-sans-sc': 'Noto Sans SC' } as const;
    for (const load of await loaded()) {
      const path = load.url.slice(server.url.length);
      const locale = toolkit.locales.find((l) => !l.isDefault && path.startsWith(`${l.code}/`)) ?? toolkit.locales.find((l) => l.isDefault)!;
      expect(load.fontsLoaded, load.url).toContain(families[locale.font]);
    }
  });

  it('leaves with location.replace when the quick exit is clicked: Back does not return', async () => {
    const { context, neutralHits } = await contextWithNeutralPage(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.goto(`${server.url}signs/`);
    expect(neutralHits).toEqual([]);
    const length = await page.evaluate(() => history.length);
    await Promise.all([page.waitForURL(/google\.com/), page.click('[data-quick-exit]')]);
    expect(await page.evaluate(() => history.length)).toBe(length);
    await page.goBack();
    expect(page.url()).toBe(server.url);
    await context.close();
  });

  it('leaves the same way when Shift is pressed three times', async () => {
    const { context } = await contextWithNeutralPage(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.goto(`${server.url}get-help/`);
    const length = await page.evaluate(() => history.length);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    expect(page.url()).toBe(`${server.url}get-help/`);
    await Promise.all([page.waitForURL(/google\.com/), page.keyboard.press('Shift')]);
    expect(await page.evaluate(() => history.length)).toBe(length);
    await page.goBack();
    expect(page.url()).toBe(server.url);
    await context.close();
  });

  it('does not leave on Shift used for capital letters', async () => {
    const { context, neutralHits } = await contextWithNeutralPage(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.keyboard.press('Shift+A');
    await page.keyboard.press('Shift+B');
    await page.keyboard.press('Shift+C');
    await page.waitForTimeout(200);
    expect(page.url()).toBe(server.url);
    expect(neutralHits).toEqual([]);
    await context.close();
  });

  it('still leaves without JavaScript: the quick exit is a link to the neutral page', async () => {
    const { context } = await contextWithNeutralPage(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}signs/`);
    await Promise.all([page.waitForURL(/google\.com/), page.click('[data-quick-exit]')]);
    await context.close();
  });

  it('puts the skip link, then the quick exit, first in the tab order, and keeps the quick exit on screen', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server.url}get-help/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.evaluate(() => document.activeElement!.getBoundingClientRect().top >= 0)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-quick-exit'))).toBe(true);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await page.locator('[data-quick-exit]').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(640);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    await context.close();
  });

  it('reflows without sideways scrolling at 320 px and at 200% zoom', async () => {
    expect((await loaded()).filter((l) => l.overflowAt.length).map((l) => `${l.url} at ${l.overflowAt.join(', ')} px`)).toEqual([]);
  });

  it('prints a clean page: no menu, quick exit or switcher, and web addresses after link text', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}get-help/`);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.quick-exit', '.site-menu', '.skip-link', '.prev-next', '.header-links'].map((s) => getComputedStyle(document.querySelector(s)!).display),
    );
    expect(hidden).toEqual(['none', 'none', 'none', 'none', 'none']);
    const after = await page.evaluate(() => {
      const link = [...document.querySelectorAll('main a[href^="https:"]')].find((a) => !a.className.includes('contact'))!;
      return getComputedStyle(link, '::after').content;
    });
    expect(after).toMatch(/^" \(" attr\(href\) "\)"$|https:/);
    await page.close();
  });

  it('turns smooth scrolling off for readers who ask for reduced motion', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(server.url);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    await context.close();
  });
});
