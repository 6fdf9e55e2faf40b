import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KitFile } from '../../src/core/outputs.ts';
import { writeKits } from '../../src/kit/write-kits.ts';
import { crawlKit, launchChromium } from './crawl-kit.ts';
import { removeTempDirs } from './temp-dirs.ts';
import { fixtureContext } from './fixture-site.ts';
import { centralDirectory, checkSums, unpackKit, unzipTest } from './zip-tools.ts';

// The hand-made site in fixtures/site: English at the root, Spanish under es/, a module
// script, a service worker registration, a quick exit and a style sheet with a font.
let outDir: string;
let kits: KitFile[];
let browser: Browser;
const unpacked = new Map<string, string>();

beforeAll(async () => {
  const context = await fixtureContext();
  outDir = context.outDir;
  kits = await writeKits(context);
  for (const kit of kits) unpacked.set(kit.locale, await unpackKit(join(outDir, kit.path), `safer-online-${kit.locale}`));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await removeTempDirs();
});

describe('offline kits of the hand-made site', () => {
  it('writes one kit per locale and one with every locale', () => {
    expect(kits.map((k) => k.path)).toEqual(['kits/safer-online-en.zip', 'kits/safer-online-es.zip', 'kits/safer-online-all.zip']);
    for (const kit of kits) expect(readFileSync(join(outDir, kit.path)).length).toBe(kit.bytes);
  });

  it('passes unzip -t, and sha256sum -c after unpacking into "Mi Kit (ñ) v1"', () => {
    for (const kit of kits) {
      expect(unzipTest(join(outDir, kit.path))).toContain('No errors detected');
      expect(checkSums(unpacked.get(kit.locale)!)).not.toMatch(/FAILED/);
    }
  });

  it('lifts a non-default locale to the top and leaves out other locales, the service worker and the kits', () => {
    const es = unpacked.get('es')!;
    for (const file of ['START-HERE.html', 'index.html', 'signs/index.html', 'neutral.html', 'pdf/es/signs-checklist-a4.pdf', 'pdf/es/signs-checklist-letter.pdf', 'LICENSE-code.txt', 'LICENSE-content.txt', 'SHA256SUMS', '_astro/site.css']) {
      expect(existsSync(join(es, file)), file).toBe(true);
    }
    for (const file of ['es', 'pdf/en', 'sw.js', 'sw-register.js', 'kits', '404.html']) expect(existsSync(join(es, file)), file).toBe(false);
    const all = unpacked.get('all')!;
    for (const file of ['index.html', 'es/index.html', 'es/signs/index.html', 'pdf/en', 'pdf/es', '404.html']) expect(existsSync(join(all, file)), file).toBe(true);
  });

  it('writes a start page in the kit language with one h1, and the licences', async () => {
    const es = await readFile(join(unpacked.get('es')!, 'START-HERE.html'), 'utf8');
    expect(es).toContain('<html lang="es" dir="ltr">');
    expect(es.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(es).toContain('<a class="open" href="index.html">Abrir el kit</a>');
    expect(es).toContain('href="pdf/es/signs-checklist-letter.pdf"');
    const all = await readFile(join(unpacked.get('all')!, 'START-HERE.html'), 'utf8');
    expect(all).toContain('<html lang="en" dir="ltr">');
    expect(all).toContain('<section lang="es" dir="ltr">\n<h3>Español</h3>\n<p><a href="es/index.html">Abrir el kit</a></p>');
    const content = await readFile(join(unpacked.get('en')!, 'LICENSE-content.txt'), 'utf8');
    expect(content).toContain('CC BY 4.0');
    expect(content).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(await readFile(join(unpacked.get('en')!, 'LICENSE-code.txt'), 'utf8')).toContain('Copyright (c) 2026 Kitpress contributors');
  });

  it('has an accessible start page and neutral page (axe, in Chromium)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const [id, file] of [['es', 'START-HERE.html'], ['all', 'START-HERE.html'], ['es', 'neutral.html']] as const) {
      await page.goto(pathToFileURL(join(unpacked.get(id)!, file)).href);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${id}/${file}`).toEqual([]);
    }
    await context.close();
  });

  it('writes zips the same way every time: sorted, one date, 0644/0755, UTF-8 flag on non-ASCII names, no extra fields', () => {
    const records = centralDirectory(readFileSync(join(outDir, 'kits/safer-online-es.zip')));
    const names = records.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names[0]).toBe('safer-online-es/');
    expect(names.every((n) => n.startsWith('safer-online-es/'))).toBe(true);
    for (const r of records) {
      // The UTF-8 flag says how to read a name that is not plain ASCII (an ASCII name reads the same either way).
      if (/[^\x00-\x7f]/.test(r.name)) expect(r.flags & 0x800, r.name).toBe(0x800);
      expect(r.extraLength + r.commentLength, r.name).toBe(0);
      expect(r.mode, r.name).toBe(r.name.endsWith('/') ? 0o40755 : 0o100644);
      // 2026-11-22 00:00:00 as a DOS date and time.
      expect([r.dosDate, r.dosTime], r.name).toEqual([((2026 - 1980) << 9) | (11 << 5) | 22, 0]);
    }
  });

  it('gives byte-identical kits when built again, in another time zone', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const again = await fixtureContext();
      await writeKits(again);
      for (const kit of kits) expect(readFileSync(join(again.outDir, kit.path)).equals(readFileSync(join(outDir, kit.path))), kit.path).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it.each(['en', 'es', 'all'])('works from file:// in Chromium: the %s kit', async (id) => {
    const report = await crawlKit(browser, unpacked.get(id)!);
    expect(report.broken).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.network).toEqual([]);
    expect(report.unstyled).toEqual([]);
    expect(report.pages).toContain('neutral.html');
    expect(report.pages.length).toBeGreaterThanOrEqual(id === 'all' ? 6 : 4);
  });

  it('has a quick exit that leads to the neutral page inside the kit', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(unpacked.get('es')!, 'signs/index.html')).href);
    await page.click('[data-quick-exit]');
    await page.waitForURL(/neutral\.html$/);
    expect(await page.title()).toBe('Weather');
    await page.close();
  });
});
