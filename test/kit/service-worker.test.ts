import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { defaultToolkit, siteWithServiceWorker } from './built-site.ts';
import { launchChromium } from './crawl-kit.ts';
import { removeTempDirs } from './temp-dirs.ts';

// The hosted site, served under its sub-path on 127.0.0.1, must keep working offline
// once the service worker has taken control.
let site: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  const toolkit = await defaultToolkit();
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

describe('service worker of the hosted site', () => {
  it('registers from every page with an inline classic script that the CSP allows', async () => {
    const html = await readFile(join(site, 'signs/index.html'), 'utf8');
    expect(html).toContain('data-kitpress-sw');
    expect(html.replaceAll('&#x27;', "'")).toMatch(/worker-src[^;"]*'self'/);
    expect(html).not.toContain('type="module"');
  });

  it('takes control of the page', async () => {
    await page.goto(server.url);
    const controlled = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
      return navigator.serviceWorker.controller?.scriptURL;
    });
    expect(controlled).toBe(`${server.url}sw.js`);
  });

  it('opens another page offline, with its styles', async () => {
    await context.setOffline(true);
    const response = await page.goto(`${server.url}signs/`);
    expect(response?.ok()).toBe(true);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    const styled = await page.evaluate(() => [...document.styleSheets].length > 0 && getComputedStyle(document.body).fontFamily.toLowerCase().includes('atkinson'));
    expect(styled).toBe(true);
  });

  it('serves a handout PDF offline', async () => {
    const pdf = readFileSync(join(site, 'pdf/en/tips-for-parents-letter.pdf'));
    const response = await page.goto(`${server.url}pdf/en/tips-for-parents-letter.pdf`);
    expect(response?.ok()).toBe(true);
    expect(response?.fromServiceWorker()).toBe(true);
    // Note: Chromium shows the PDF in its viewer, so the response body Playwright sees is the viewer's page.
    const headers = await response!.allHeaders();
    expect([headers['content-type'], Number(headers['content-length'])]).toEqual(['application/pdf', pdf.length]);
  });

  it('answers an unknown page from the network when online, and with the not-found page offline', async () => {
    await context.setOffline(false);
    expect((await page.goto(`${server.url}no-such-page/`))?.status()).toBe(404);
    const notFound = await page.title();
    await context.setOffline(true);
    const response = await page.goto(`${server.url}another-missing-page/`);
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await page.title()).toBe(notFound);
    await context.setOffline(false);
    // Note: the site has no icon link, so Chromium asks for /favicon.ico outside the base path;
    // and the online visit to a missing page is a 404 on purpose.
    expect(errors.filter((e) => !e.includes('/favicon.ico') && !e.includes('/no-such-page/'))).toEqual([]);
  });
});
