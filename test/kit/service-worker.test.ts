import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { defaultToolkit, siteWithServiceWorker } from './built-site.ts';
import { launchChromium } from './crawl-kit.ts';
import { removeTempDirs } from './temp-dirs.ts';
import { routePath } from '../../src/core/outputs.ts';
import type { Toolkit } from '../../src/core/model.ts';

// The hosted site, served under its sub-path on 127.0.0.1, stores itself for offline use only
// when the reader presses "Save this toolkit on this device", and forgets it on "Remove it".
let site: string;
let toolkit: Toolkit;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

const registrations = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
const cacheNames = () => page.evaluate(() => caches.keys());
const saveButton = () => page.getByRole('button', { name: 'Save this toolkit on this device' });
const removeButton = () => page.getByRole('button', { name: 'Remove it' });

beforeAll(async () => {
  toolkit = await defaultToolkit();
  site = await siteWithServiceWorker();
  server = await startStaticServer(site, new URL(toolkit.siteUrl).pathname);
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeTempDirs();
});

describe('offline by choice on the hosted site', () => {
  it('registers no worker and caches nothing on a first visit, also after reading a few pages', async () => {
    const html = await readFile(join(site, 'signs/index.html'), 'utf8');
    expect(html).not.toContain('serviceWorker');
    for (const path of ['', 'signs/', 'es/', 'downloads/']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('load');
    }
    expect(await registrations()).toEqual([]);
    expect(await cacheNames()).toEqual([]);
  });

  it('explains on the downloads page what "Save" stores, with its size, and how to remove it', async () => {
    await page.goto(`${server.url}downloads/`);
    const section = page.locator('section[data-offline-save]');
    await expect.poll(() => section.isVisible(), { timeout: 15_000 }).toBe(true);
    const text = (await section.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('every page, handout and font');
    expect(text).toMatch(/\(\d+(\.\d)? MB\)/);
    expect(text).toContain('Remove it');
    expect(await saveButton().isVisible()).toBe(true);
    expect(await removeButton().isVisible()).toBe(false);
  });

  it('saves the site on "Save", with a status a screen reader announces', async () => {
    await saveButton().click();
    const status = page.getByRole('status').filter({ hasText: /Saved/ });
    await status.waitFor({ timeout: 60_000 });
    expect(await registrations()).toEqual([server.url]);
    expect((await cacheNames()).some((name) => name.startsWith(`${toolkit.name}-precache`))).toBe(true);
    expect(await removeButton().isVisible()).toBe(true);
    expect(await saveButton().isVisible()).toBe(false);
  });

  it('then serves every page of every language offline, with its styles', async () => {
    await page.reload();
    await page.evaluate(async () => {
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    await context.setOffline(true);
    const paths = toolkit.locales.flatMap((locale) => [...locale.pages.map((p) => routePath(toolkit, locale.code, p.slug)), routePath(toolkit, locale.code, 'downloads')]);
    for (const path of paths) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.ok(), path).toBe(true);
      expect(response?.fromServiceWorker(), path).toBe(true);
      expect(await page.locator('h1').textContent(), path).toBeTruthy();
    }
    const styled = await page.evaluate(() => [...document.styleSheets].length > 0 && getComputedStyle(document.body).fontFamily.length > 0);
    expect(styled).toBe(true);
  });

  it('serves every handout PDF offline', async () => {
    const pdfs = (await glob('pdf/**/*.pdf', { cwd: site })).sort();
    expect(pdfs.length).toBeGreaterThan(0);
    const first = pdfs[0]!;
    const response = await page.goto(`${server.url}${first}`);
    expect(response?.fromServiceWorker()).toBe(true);
    // Note: Chromium shows the PDF in its viewer, so the response body Playwright sees is the viewer's page.
    const headers = await response!.allHeaders();
    expect([headers['content-type'], Number(headers['content-length'])]).toEqual(['application/pdf', readFileSync(join(site, first)).length]);
    await page.goto(`${server.url}downloads/`);
    const stored = await page.evaluate(async (urls) => {
      // Note: Workbox keys files without a hash in their name with a `__WB_REVISION__` query.
      const found: string[] = [];
      for (const url of urls) if (await caches.match(url, { ignoreSearch: true })) found.push(url);
      return found.length;
    }, pdfs.map((path) => `${server.url}${path}`));
    expect(stored).toBe(pdfs.length);
  });

  it('answers an unknown page with the not-found page offline', async () => {
    const response = await page.goto(`${server.url}another-missing-page/`);
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await page.title()).toContain('Page not found');
    await context.setOffline(false);
  });

  it('forgets everything on "Remove it": no worker, no cache', async () => {
    await page.goto(`${server.url}downloads/`);
    await removeButton().click();
    await page.getByRole('status').filter({ hasText: /Removed/ }).waitFor();
    expect(await registrations()).toEqual([]);
    expect(await cacheNames()).toEqual([]);
    expect(await saveButton().isVisible()).toBe(true);
    // Note: the site has no icon link, so Chromium asks for /favicon.ico outside the base path.
    expect(errors.filter((e) => !e.includes('/favicon.ico') && !e.includes('another-missing-page'))).toEqual([]);
  });
});
