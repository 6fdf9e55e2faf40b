import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Toolkit } from '../../src/core/model.ts';
import { kitPath } from '../../src/core/outputs.ts';
import { writeKits } from '../../src/kit/write-kits.ts';
import { builtSite, defaultToolkit, siteCopyContext } from './built-site.ts';
import { crawlKit, launchChromium } from './crawl-kit.ts';
import { removeTempDirs } from './temp-dirs.ts';
import { checkSums, unpackKit, unzipTest } from './zip-tools.ts';

// The kits of the default content, as the real build wrote them.
let toolkit: Toolkit;
let ids: string[];
let browser: Browser;
const unpacked = new Map<string, string>();
const zipOf = (id: string) => join(builtSite, kitPath(toolkit.name, id));

beforeAll(async () => {
  toolkit = await defaultToolkit();
  ids = [...toolkit.locales.map((l) => l.code), 'all'];
  for (const id of ids) unpacked.set(id, await unpackKit(zipOf(id), `${toolkit.name}-${id}`));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await removeTempDirs();
});

describe('offline kits of the default content', () => {
  it('has a kit per locale and one with every locale, each passing unzip -t', () => {
    for (const id of ids) expect(unzipTest(zipOf(id))).toContain('No errors detected');
  });

  it('keeps a single-locale kit under 5 MB', () => {
    for (const locale of toolkit.locales) expect(readFileSync(zipOf(locale.code)).length).toBeLessThan(5_000_000);
  });

  it('checks out with sha256sum -c after unpacking into "Mi Kit (ñ) v1"', () => {
    for (const id of ids) expect(checkSums(unpacked.get(id)!)).not.toMatch(/FAILED/);
  });

  it('holds the search index of each language it holds, and no other', async () => {
    for (const id of ids) {
      const codes = id === 'all' ? toolkit.locales.map((l) => l.code) : [id];
      const indexes = (await glob('js/search-*.js', { cwd: unpacked.get(id)! })).map((f) => f.replace(/^js\/search-(.+)-[0-9a-f]{10}\.js$/, '$1')).sort();
      expect(indexes, id).toEqual([...codes].sort());
    }
  });

  it('holds no service worker, no registration and no module script', async () => {
    for (const id of ids) {
      const folder = unpacked.get(id)!;
      expect(await glob(['sw.js', 'sw-register.js', 'workbox-*.js', 'kits/**'], { cwd: folder })).toEqual([]);
      for (const page of await glob('**/*.html', { cwd: folder })) {
        const html = await readFile(join(folder, page), 'utf8');
        expect(html, page).not.toContain('serviceWorker');
        expect(html, page).not.toContain('type="module"');
      }
    }
  });

  it('works from file:// in Chromium: every link of every page, styles applied, no network', async () => {
    for (const id of ids) {
      const folder = unpacked.get(id)!;
      const report = await crawlKit(browser, folder);
      expect(report.broken, id).toEqual([]);
      expect(report.errors, id).toEqual([]);
      expect(report.network, id).toEqual([]);
      expect(report.unstyled, id).toEqual([]);
      const pages = (await glob('**/*.html', { cwd: folder, ignore: ['404.html', '*/404.html'] })).sort();
      expect([...report.pages].sort(), id).toEqual(pages);
      expect(report.links, id).toBeGreaterThan(100);
    }
  });

  it('has an accessible start page in every kit (axe, in Chromium)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const id of ids) {
      await page.goto(pathToFileURL(join(unpacked.get(id)!, 'START-HERE.html')).href);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), id).toEqual([]);
    }
    await context.close();
  });

  it('has a quick exit that leads to the neutral page inside the kit', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(unpacked.get(toolkit.defaultLocale)!, 'signs/index.html')).href);
    await page.click('[data-quick-exit]');
    await page.waitForURL(/\/neutral\.html$/);
    expect(await page.title()).toBe(toolkit.locales.find((l) => l.isDefault)!.ui.kitNeutralTitle);
    await page.close();
  });

  it('gives byte-identical kits when built twice from the same site (in two folders and two time zones)', async () => {
    const zone = process.env.TZ;
    const zips: Buffer[][] = [];
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        const context = await siteCopyContext(toolkit);
        const kits = await writeKits(context);
        expect(kits.map((k) => k.locale)).toEqual(ids);
        zips.push(kits.map((kit) => readFileSync(join(context.outDir, kit.path))));
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    ids.forEach((id, i) => expect(zips[0]![i]!.equals(zips[1]![i]!), id).toBe(true));
  });
});
