import { statSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Toolkit } from '../../src/core/model.ts';
import { formatBytes } from '../../src/core/format.ts';
import { kitPath } from '../../src/core/outputs.ts';
import { builtSite, defaultToolkit } from './built-site.ts';
import { launchChromium } from './crawl-kit.ts';
import { removeTempDirs, tempDir } from './temp-dirs.ts';
import { unpackKit } from './zip-tools.ts';

// What a facilitator meets in a kit: hotlines first on the start page, how to extract the zip,
// a warning when a page was opened inside the zip, and downloads pages with pictures.
let toolkit: Toolkit;
let browser: Browser;
let ids: string[];
const unpacked = new Map<string, string>();

beforeAll(async () => {
  toolkit = await defaultToolkit();
  ids = [...toolkit.locales.map((l) => l.code), 'all'];
  for (const id of ids) unpacked.set(id, await unpackKit(join(builtSite, kitPath(toolkit.name, id)), `${toolkit.name}-${id}`));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await removeTempDirs();
});

describe('inside the offline kits', () => {
  it('puts the primary hotlines, with numbers and web addresses, at the top of the start page, then says to extract the zip', async () => {
    for (const locale of toolkit.locales) {
      const html = await readFile(join(unpacked.get(locale.code)!, 'START-HERE.html'), 'utf8');
      const hotlines = html.indexOf('class="hotlines"');
      expect(hotlines, locale.code).toBeGreaterThan(0);
      expect(hotlines, locale.code).toBeLessThan(html.indexOf(locale.ui.kitExtractFirst!.slice(0, 20)));
      for (const line of locale.hotlines.filter((l) => l.primary)) {
        if (line.phone) expect(html, `${locale.code} ${line.id}`).toContain(`href="tel:${line.phone.replace(/[^\d+]/g, '')}"`);
        if (line.url) expect(html, `${locale.code} ${line.id}`).toContain(`href="${line.url}"`);
      }
    }
  });

  it('warns on the start page and on a kit page opened inside the zip (only that file copied out, as Windows does)', async () => {
    const folder = unpacked.get(toolkit.defaultLocale)!;
    const alone = await tempDir('kitpress-zip-viewer-');
    await copyFile(join(folder, 'START-HERE.html'), join(alone, 'START-HERE.html'));
    await copyFile(join(folder, 'signs/index.html'), join(alone, 'index.html'));
    const page = await browser.newPage();
    const en = toolkit.locales.find((l) => l.isDefault)!;
    await page.goto(pathToFileURL(join(alone, 'START-HERE.html')).href);
    expect(await page.getByText(en.ui.kitZipWarning!).isVisible()).toBe(true);
    await page.goto(pathToFileURL(join(alone, 'index.html')).href);
    expect(await page.getByText(en.ui.zipNotice!).isVisible()).toBe(true);
    // Extracted, neither warning shows.
    await page.goto(pathToFileURL(join(folder, 'START-HERE.html')).href);
    await page.waitForLoadState('load');
    expect(await page.getByText(en.ui.kitZipWarning!).isVisible()).toBe(false);
    await page.goto(pathToFileURL(join(folder, 'signs/index.html')).href);
    expect(await page.getByText(en.ui.zipNotice!).isVisible()).toBe(false);
    await page.close();
  });

  it('shows the picture of every handout on the downloads page inside the kit, loaded from the kit', async () => {
    const page = await browser.newPage();
    for (const locale of toolkit.locales) {
      const folder = unpacked.get(locale.code)!;
      await page.goto(pathToFileURL(join(folder, 'downloads/index.html')).href);
      const images = page.locator('img.handout-preview');
      const handouts = locale.pages.filter((p) => p.handout && !p.fallback).length;
      expect(await images.count(), locale.code).toBe(handouts);
      const loaded = await images.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0));
      expect(loaded.every(Boolean), locale.code).toBe(true);
    }
    await page.close();
  });

  it('shows the size of every kit it offers on its own downloads pages, the size of the zips as built', async () => {
    const sizes = new Map(ids.map((id) => [kitPath(toolkit.name, id), statSync(join(builtSite, kitPath(toolkit.name, id))).size]));
    for (const id of ids) {
      const kit = unpacked.get(id)!;
      // The downloads page of every language the kit holds (a single-language kit has its language at the top).
      const locales = id === 'all' ? toolkit.locales : toolkit.locales.filter((l) => l.code === id);
      for (const locale of locales) {
        const file = join(kit, id === 'all' && !locale.isDefault ? `${locale.code}/` : '', 'downloads', 'index.html');
        const html = await readFile(file, 'utf8');
        const shown = [...html.matchAll(/data-kit-size="([^"]+)">([^<]*)</g)];
        expect(shown.length, `${id}: ${locale.code}`).toBeGreaterThan(0);
        for (const [, path, text] of shown) {
          // "ZIP · 887 kB": the zip's real size, in the page's language (the kit's own size too).
          expect(text, `${id}: ${locale.code} ${path}`).toBe(`ZIP · ${formatBytes(sizes.get(path!)!, locale.lang)}`);
        }
        expect(shown.map(([, path]) => path), `${id}: ${locale.code}`).toContain(kitPath(toolkit.name, id));
      }
    }
  });
});
