import type { Browser, BrowserContext } from 'playwright-core';
import { NEUTRAL_URL } from '../../src/site/quick-exit.ts';

/** A context in which the neutral page of the quick exit is answered locally, never by the network. */
export async function contextWithNeutralPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; neutralHits: string[] }> {
  const context = await browser.newContext(options);
  const neutralHits: string[] = [];
  const neutral = new URL(NEUTRAL_URL);
  await context.route((url) => url.origin === neutral.origin, (route) => {
    neutralHits.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Weather</p>' });
  });
  return { context, neutralHits };
}

/** What loading one page in Chromium did: requests leaving the origin, console errors, fonts, reflow. */
export interface PageLoad {
  url: string;
  foreign: string[];
  errors: string[];
  fontsLoaded: string[];
  /** Widths (CSS px) at which the page scrolls sideways; WCAG 1.4.10 says it never should at 320. */
  overflowAt: number[];
}

/**
 * Loads pages one after another in one tab, recording every request and console error, the
 * fonts that loaded, and whether the page scrolls sideways at each of `widths` (re-laid out,
 * not reloaded: 640 px is 1280 px at 200% zoom).
 */
export async function loadPages(browser: Browser, urls: string[], widths: number[] = [320, 640]): Promise<PageLoad[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const loads: PageLoad[] = [];
  let current: PageLoad | undefined;
  page.on('request', (request) => {
    const target = request.url();
    if (current && !target.startsWith(`${new URL(current.url).origin}/`) && !target.startsWith('data:')) current.foreign.push(target);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') current?.errors.push(message.text());
  });
  page.on('pageerror', (error) => current?.errors.push(error.message));
  try {
    for (const url of urls) {
      current = { url, foreign: [], errors: [], fontsLoaded: [], overflowAt: [] };
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url, { waitUntil: 'load' });
      current.fontsLoaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
      });
      for (const width of widths) {
        await page.setViewportSize({ width, height: 800 });
        const overflows = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
        if (overflows) current.overflowAt.push(width);
      }
      loads.push(current);
    }
  } finally {
    await context.close();
  }
  return loads;
}
