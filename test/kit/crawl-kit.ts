import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/** Chromium as the toolchain notes say to start it here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** What a crawl of an unpacked kit found. */
export interface CrawlReport {
  /** Pages visited (file URLs relative to the kit folder). */
  pages: string[];
  /** Links and resources that lead nowhere, as `page -> target (why)`. */
  broken: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests to anything but file: and data: URLs. */
  network: string[];
  /** Pages whose style sheets did not apply. */
  unstyled: string[];
  /** Links that lead to the hosted site or elsewhere on the web (not followed). */
  external: Set<string>;
  /** How many links were checked. */
  links: number;
}

/**
 * Opens `START-HERE.html` of an unpacked kit over file:// and follows every link to every
 * page of the kit, as a facilitator clicking through it would.
 */
export async function crawlKit(browser: Browser, kitFolder: string): Promise<CrawlReport> {
  const root = pathToFileURL(kitFolder.endsWith('/') ? kitFolder : `${kitFolder}/`).href;
  const report: CrawlReport = { pages: [], broken: [], errors: [], network: [], unstyled: [], external: new Set(), links: 0 };
  const context = await browser.newContext();
  context.on('request', (request) => {
    if (!/^(file|data):/.test(request.url())) report.network.push(request.url());
  });
  const page = await context.newPage();
  await page.goto('about:blank');
  const plainFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  page.on('console', (message) => {
    if (message.type() === 'error') report.errors.push(`${short(page.url())}: ${message.text()}`);
  });
  page.on('pageerror', (error) => report.errors.push(`${short(page.url())}: ${error.message}`));
  // Note: leaving a page aborts its late requests (the favicon); those are checked on disk below instead.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') report.broken.push(`${short(page.url())} -> ${short(request.url())} (${request.failure()?.errorText})`);
  });

  const queue = [`${root}START-HERE.html`];
  const seen = new Set(queue);
  const fragments: { from: string; target: string; id: string }[] = [];
  const ids = new Map<string, Set<string>>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    await page.goto(url, { waitUntil: 'load' });
    report.pages.push(short(url));
    const found = await page.evaluate(async () => {
      await document.fonts.ready;
      const sheets = [...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => Boolean((l as HTMLLinkElement).sheet));
      // Note: an image with loading="lazy" below the fold has not loaded yet at `load`; load each now, as a
      // reader scrolling down would, and judge it once it has loaded or failed.
      await Promise.all(
        [...document.images].map((img) => {
          img.loading = 'eager';
          return img.complete ? undefined : new Promise((done) => { img.addEventListener('load', done, { once: true }); img.addEventListener('error', done, { once: true }); });
        }),
      );
      const images = [...document.images].map((img) => ({ src: img.currentSrc || img.src, ok: img.complete && img.naturalWidth > 0 }));
      return {
        links: [...document.querySelectorAll('a[href], area[href]')].map((a) => (a as HTMLAnchorElement).href),
        resources: [...document.querySelectorAll('link[href], script[src]')].map((e) => (e as HTMLLinkElement).href || (e as HTMLScriptElement).src),
        ids: [...document.querySelectorAll('[id], a[name]')].map((e) => e.id || e.getAttribute('name') || ''),
        font: getComputedStyle(document.body).fontFamily,
        sheets,
        images,
        fontErrors: [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family),
      };
    });
    ids.set(url, new Set(found.ids));
    if (found.sheets.includes(false)) report.broken.push(`${short(url)}: a style sheet did not load`);
    if (found.sheets.length > 0 && found.font === plainFont) report.unstyled.push(short(url));
    for (const image of found.images) if (!image.ok) report.broken.push(`${short(url)} -> ${short(image.src)} (image did not load)`);
    for (const family of found.fontErrors) report.broken.push(`${short(url)}: font ${family} did not load`);
    for (const href of found.resources) {
      if (!href.startsWith('file:')) continue;
      const path = fileURLToPath(href.replace(/[?#].*$/, ''));
      if (!existsSync(path)) report.broken.push(`${short(url)} -> ${short(href)} (no such file)`);
    }
    for (const href of found.links) {
      report.links += 1;
      if (!href.startsWith('file:')) {
        if (/^https?:/.test(href)) report.external.add(href);
        continue;
      }
      const target = href.replace(/[?#].*$/, '');
      const hash = href.includes('#') ? decodeURIComponent(href.slice(href.indexOf('#') + 1)) : '';
      const path = fileURLToPath(target);
      if (!target.startsWith(root)) report.broken.push(`${short(url)} -> ${href} (outside the kit)`);
      else if (!existsSync(path) || statSync(path).isDirectory()) report.broken.push(`${short(url)} -> ${short(href)} (no such file)`);
      else if (target.endsWith('.html')) {
        if (hash) fragments.push({ from: url, target, id: hash });
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
  }
  for (const f of fragments) if (!ids.get(f.target)?.has(f.id)) report.broken.push(`${short(f.from)} -> ${short(f.target)}#${f.id} (no such id)`);
  await context.close();
  return report;

  function short(url: string): string {
    return url.startsWith(root) ? url.slice(root.length) : url;
  }
}
