import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Page, Text } from '@react-pdf/renderer';
import { chromium, type Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontFiles } from '../../src/pdf/font-files.ts';
import { layoutPdf } from '../../src/pdf/pdf-bytes.ts';
import { registerFonts } from '../../src/pdf/register-fonts.ts';
import { drawTaggedPdf } from '../../src/pdf/tagging/draw-tagged.ts';
import { Prose } from '../../templates/handouts/parts/prose.tsx';
import { updating } from '../helpers/fixture-files.ts';
import { fixtures, repoRoot } from '../helpers/paths.ts';
import { renderPage } from './pdf-tools.ts';
import { compareInk, cropToInk, type Ink } from './shaping-reference.ts';

/** Resolution of the comparison: the issue's printed page at 200 dpi. */
const DPI = 200;
/** Type size of every sample, in points, in the PDF and in Chromium. */
const SIZE = 24;
/**
 * The tolerance: at most this share of the ink pixels may differ (pixelmatch, threshold 0.3),
 * and the inked boxes may differ by at most 5 px (0.6 mm: Chromium rounds spaces differently). Measured: HarfBuzz-shaped PDFs differ
 * from Chromium by anti-aliasing only (see the report); one letter in a wrong form or a
 * misplaced dot exceeds it.
 */
const MAX_SHARE = 0.06;
const MAX_SIZE_DELTA = 5;

/** Each sample exercises part of Arabic shaping; the file name of its reference is its id. */
const SAMPLES = [
  { id: 'final-forms', text: 'الإنترنت في الذي من الحديث' },
  { id: 'four-forms', text: 'ع عين بعيد سمع' },
  { id: 'lam-alef', text: 'لا الأطفال إلى سلام' },
  { id: 'shadda-marks', text: 'شدّة مُحمَّد كَتَبَ' },
  { id: 'digits', text: 'العدد ١٢٣٤٥ والرقم 67890' },
  { id: 'phone', text: 'اتصل على \u200e1-800-555-0100\u200e الآن' },
  { id: 'latin-word', text: 'استخدم تطبيق WhatsApp بحذر' },
  // A one-line list item as the tips print it: a bold lead-in, then a sentence ending in a full stop (at the left end).
  { id: 'lead-in-full-stop', lead: 'استخدموا أدوات الرقابة.', text: ' هذه الأدوات تساعد.' },
  // Brackets around Arabic and around Latin letters: each drawn once mirrored, opening on the right.
  { id: 'parentheses', text: 'اتصلوا بالطوارئ (الشرطة) أو (FBI) الآن.' },
] as const satisfies readonly { id: string; text: string; lead?: string }[];

type Sample = (typeof SAMPLES)[number] & { lead?: string };

const FONT = fontFiles['noto-sans-arabic'].regular;
const BOLD = fontFiles['noto-sans-arabic'].bold;
const references = join(fixtures, 'arabic-shaping');
const work = join(repoRoot, 'test/output/arabic-shaping');
let browser: Browser;

/** A sample printed the way handouts print Arabic (a paragraph, its lead-in a bold run inside it), rendered by poppler at 200 dpi. */
async function pdfInk(sample: Sample): Promise<Ink> {
  registerFonts();
  const style = { fontFamily: 'noto-sans-arabic', fontSize: SIZE, lineHeight: 1.5, direction: 'rtl' as const, textAlign: 'right' as const };
  const runs = sample.lead ? [createElement(Text, { key: 'lead', style: { fontWeight: 700 } }, sample.lead), sample.text] : [sample.text];
  const laidOut = await layoutPdf(createElement(Document, null, createElement(Page, { size: { width: 700, height: 90 }, style: { padding: 20 } }, createElement(Prose, { style }, ...runs))));
  const { bytes } = await drawTaggedPdf(laidOut.layout, { title: 'sample', author: '', subject: '', creator: '', producer: '', lang: 'ar', date: new Date(0), describeLink: (href: string) => href } as never);
  const file = join(work, 'sample.pdf');
  writeFileSync(file, bytes);
  return cropToInk(renderPage(file, 1, DPI));
}

/** The same sample in Chromium, with the same font files and size, at 200 dpi. */
async function chromiumInk(sample: Sample): Promise<Ink> {
  const page = await browser.newPage({ deviceScaleFactor: DPI / 96, viewport: { width: 1000, height: 200 } });
  try {
    const font = readFileSync(FONT).toString('base64');
    const bold = readFileSync(BOLD).toString('base64');
    await page.setContent(
      `<!doctype html><html lang="ar" dir="rtl"><style>@font-face{font-family:Sample;src:url(data:font/ttf;base64,${font})}` +
        `@font-face{font-family:Sample;font-weight:700;src:url(data:font/ttf;base64,${bold})}` +
        `body{margin:20px;background:#fff}p{font:${SIZE}pt/1.5 Sample;white-space:nowrap;margin:0;color:#000}</style><p>${sample.lead ? `<b>${sample.lead}</b>` : ''}${sample.text}</p></html>`,
    );
    await page.evaluate(() => document.fonts.ready);
    return cropToInk(PNG.sync.read(await page.locator('p').screenshot()));
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('Arabic shaping matches Chromium at 200 dpi', () => {
  for (const sample of SAMPLES) {
    it(`${sample.id}: ${'lead' in sample ? sample.lead : ''}${sample.text}`, { timeout: 60_000 }, async () => {
      const reference = join(references, `${sample.id}.png`);
      const chromiumNow = await chromiumInk(sample);
      if (updating) writeFileSync(reference, PNG.sync.write(chromiumNow.png));
      expect(existsSync(reference), `${reference}: run UPDATE=1 npx vitest run test/pdf/arabic-shaping.test.ts`).toBe(true);
      const stored = PNG.sync.read(readFileSync(reference));
      const storedInk = cropToInk(stored, 4);
      // The stored reference is what this Chromium draws (so it is not a picture of the PDF).
      expect(compareInk(chromiumNow, storedInk).share).toBeLessThan(MAX_SHARE / 4);

      const printed = await pdfInk(sample);
      const { share, sizeDelta, diff } = compareInk(printed, storedInk);
      if (share >= MAX_SHARE / 2 || sizeDelta > MAX_SIZE_DELTA) {
        writeFileSync(join(work, `${sample.id}-pdf.png`), PNG.sync.write(printed.png));
        writeFileSync(join(work, `${sample.id}-diff.png`), PNG.sync.write(diff));
      }
      console.info(`${sample.id}: ${(share * 100).toFixed(2)}% of ink pixels differ, boxes within ${sizeDelta} px`);
      expect(sizeDelta, `${sample.id}: inked box differs by ${sizeDelta} px (see test/output/arabic-shaping)`).toBeLessThanOrEqual(MAX_SIZE_DELTA);
      expect(share, `${sample.id}: ${(share * 100).toFixed(2)}% of ink differs (see test/output/arabic-shaping)`).toBeLessThan(MAX_SHARE);
    });
  }
});

