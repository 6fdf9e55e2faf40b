import { createElement } from 'react';
import { Document, Page, Text, pdf } from '@react-pdf/renderer';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/core/diagnostics/diagnostic.ts';
import type { Toolkit } from '../../src/core/model.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { cacheKey } from '../../src/pdf/cache.ts';
import { checkGlyphs } from '../../src/pdf/check-glyphs.ts';
import { fontFiles } from '../../src/pdf/font-files.ts';
import { listHandoutJobs } from '../../src/pdf/handout-job.ts';
import { overflowPosition } from '../../src/pdf/overflow.ts';
import { hotlineContacts, keepLtr, linkAddress } from '../../src/pdf/print-text.ts';
import { qrCode } from '../../src/pdf/qr-code.ts';
import { shapeText } from '../../src/pdf/shaping/harfbuzz-shape.ts';
import { shapeTextRemembered } from '../../src/pdf/shaping/shaped-runs.ts';
import { registerFonts } from '../../src/pdf/register-fonts.ts';
import { pageUrl, shortUrl } from '../../src/pdf/site-url.ts';
import { fixtures } from '../helpers/paths.ts';
import { createRequire } from 'node:module';
import { join } from 'node:path';

let toolkit: Toolkit;
beforeAll(async () => {
  toolkit = (await readToolkit(join(fixtures, 'pdf-reference/content'))).toolkit!;
});

describe('print text', () => {
  it('prints hotlines from configuration, with verbs when every contact is shown', () => {
    const ui = toolkit.locales[0]!.ui;
    const helpline = toolkit.locales[0]!.hotlines.find((h) => h.id === 'helpline')!;
    // Paper cannot be clicked: a phone reference prints the web address too.
    expect(hotlineContacts(helpline, 'phone', ui)).toEqual([helpline.phone, 'help.example.org']);
    expect(hotlineContacts(helpline, 'sms', ui)).toEqual(['Text\u00a055510 (HELP)']);
    expect(hotlineContacts(helpline, 'url', ui)).toEqual(['help.example.org']);
    expect(hotlineContacts(helpline, 'all', ui)).toEqual([`Call\u00a0${helpline.phone}`, 'Text\u00a055510 (HELP)', 'help.example.org']);
    expect(hotlineContacts(helpline, 'phone', ui, false, true)).toEqual([`\u200e${helpline.phone}\u200e`, '\u200ehelp.example.org\u200e']);
    expect(keepLtr('2026-01-15', false)).toBe('2026-01-15');
  });

  it('adds a link address for paper readers unless the text already shows it', () => {
    expect(linkAddress('https://www.example.org/about', 'web link')).toBe(' (www.example.org/about)');
    expect(linkAddress('https://example.org/', 'example.org')).toBe('');
    expect(linkAddress('mailto:hello@example.org', 'write to us')).toBe(' (hello@example.org)');
  });

  it('opens each handout page on the hosted site, per locale', () => {
    const [en, ar] = toolkit.locales;
    const signs = (l: typeof en) => l!.pages.find((p) => p.slug === 'checklist')!;
    expect(pageUrl(toolkit, en!, signs(en))).toBe('https://example.org/kit/checklist/');
    expect(pageUrl(toolkit, ar!, signs(ar))).toBe('https://example.org/kit/ar/checklist/');
    expect(shortUrl('https://example.org/kit/ar/checklist/')).toBe('example.org/kit/ar/checklist/');
  });
});

describe('QR code', () => {
  it('draws exactly the dark modules of the encoded address, inside a quiet zone', () => {
    const url = 'https://example.org/kit/checklist/';
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const qr = qrCode(url);
    expect(qr.size).toBe(modules.size + 6);
    const drawn = [...qr.path.matchAll(/M\d+ \d+h(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    const dark = Array.from({ length: modules.size * modules.size }, (_, i) => modules.get(Math.floor(i / modules.size), i % modules.size)).filter(Boolean).length;
    expect(drawn).toBe(dark);
  });
});

describe('glyph coverage', () => {
  it('reports a character no embeddable font has, at its checklist item', () => {
    const changed = structuredClone(toolkit);
    const page = changed.locales[0]!.pages.find((p) => p.slug === 'checklist')!;
    const block = page.blocks.find((b) => b.type === 'checklist')!;
    if (block.type === 'checklist') block.items[0]!.children = [{ type: 'text', value: 'Sends 🙂 faces' }];
    const diagnostics = new Diagnostics();
    checkGlyphs(changed, diagnostics);
    expect(diagnostics.list.map((d) => [d.ruleId, d.place.file, d.place.line])).toEqual([['glyph-missing', 'en/checklist.md', block.type === 'checklist' ? block.items[0]!.position.line : -1]]);
    expect(diagnostics.list[0]!.message).toContain('U+1F642');
  });

  it('gives one diagnostic per file and font for many missing characters, at the first, naming a font that covers them', () => {
    const changed = structuredClone(toolkit);
    const page = changed.locales[0]!.pages.find((p) => p.slug === 'checklist')!;
    const block = page.blocks.find((b) => b.type === 'checklist')!;
    if (block.type !== 'checklist') throw new Error('the fixture has a checklist');
    block.items[1]!.children = [{ type: 'text', value: '孩子的安全' }];
    block.items[2]!.children = [{ type: 'text', value: '很重要，孩子' }];
    const diagnostics = new Diagnostics();
    checkGlyphs(changed, diagnostics);
    expect(diagnostics.list.map((d) => [d.ruleId, d.place.file, d.place.line])).toEqual([['glyph-missing', 'en/checklist.md', block.items[1]!.position.line]]);
    const [diagnostic] = diagnostics.list;
    // Each character once, in the order met: 孩 子 的 安 全 很 重 要 ，
    expect(diagnostic!.message).toMatch(/^9 characters are in none of the fonts/);
    expect(diagnostic!.message).toContain('"孩" (U+5B69), "子" (U+5B50)');
    expect(diagnostic!.hint).toContain('font: noto-sans-sc');
  });

  it('checks the alt text of an image inside a callout, at the image (regression: only top-level images were read)', () => {
    const changed = structuredClone(toolkit);
    const page = changed.locales[0]!.pages.find((p) => p.slug === 'checklist')!;
    const position = { file: page.file, line: 40, column: 3 };
    page.blocks.push({ type: 'callout', kind: 'important', position: { ...position, line: 39 }, children: [{ type: 'image', src: 'x.png', alt: 'A 🙂 face', position }] });
    const diagnostics = new Diagnostics();
    checkGlyphs(changed, diagnostics);
    expect(diagnostics.list.map((d) => [d.ruleId, d.place.file, d.place.line])).toEqual([['glyph-missing', 'en/checklist.md', 40]]);
  });

  it('finds nothing to report in the fixture (Arabic, Latin, numbers)', () => {
    const diagnostics = new Diagnostics();
    checkGlyphs(toolkit, diagnostics);
    expect(diagnostics.list).toEqual([]);
  });
});

describe('cache key', () => {
  it('changes with what the PDF is made from, and only with that', () => {
    const job = listHandoutJobs(toolkit).find((j) => j.locale === 'en' && j.slug === 'checklist' && j.paper === 'letter')!;
    const key = cacheKey(toolkit, job, 'writer');
    expect(cacheKey(structuredClone(toolkit), job, 'writer')).toBe(key);
    expect(cacheKey(toolkit, job, 'other writer')).not.toBe(key);
    expect(cacheKey(toolkit, { ...job, paper: 'a4' }, 'writer')).not.toBe(key);

    const text = structuredClone(toolkit);
    text.locales[0]!.pages.find((p) => p.slug === 'checklist')!.title = 'Signs';
    expect(cacheKey(text, job, 'writer')).not.toBe(key);
    const hotline = structuredClone(toolkit);
    hotline.locales[0]!.hotlines[0]!.phone = '1-800-555-0199';
    expect(cacheKey(hotline, job, 'writer')).not.toBe(key);
    const date = structuredClone(toolkit);
    date.date = '2026-02-01';
    expect(cacheKey(date, job, 'writer')).not.toBe(key);

    const elsewhere = structuredClone(toolkit);
    elsewhere.locales[0]!.pages.find((p) => p.slug === 'cards')!.title = 'Other';
    expect(cacheKey(elsewhere, job, 'writer')).toBe(key);
  });
});

describe('overflow position', () => {
  it('names the innermost tagged element that starts the first sheet past the budget', () => {
    const layout = {
      children: [
        { children: [{ props: { 'data-source': '3:1' } }] },
        { children: [{ props: { fixed: true } }, { props: { 'data-source': '12:1' }, children: [{ props: {} }, { props: { 'data-source': '17:3' } }] }] },
      ],
    };
    expect(overflowPosition(layout, 1, 'en/signs.md')).toEqual({ file: 'en/signs.md', line: 17, column: 3 });
    expect(overflowPosition(layout, 2, 'en/signs.md')).toBeUndefined();
  });
});

describe('Arabic letters at line starts (regression: react-pdf dropped their base glyph)', () => {
  it('keeps every shaped cluster of every line', async () => {
    registerFonts();
    const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): { layout(text: string, f?: unknown, s?: unknown, l?: unknown, d?: string): { glyphs: unknown[] } } };
    const font = fontkit.openSync(fontFiles['noto-sans-arabic'].regular);
    const words = ['يخفي', 'تغييرات', 'بيت', 'نعم', 'إذا', 'أخرى', 'شيء', 'لا', 'على'];
    const texts = words.map((_, k) => Array.from({ length: 14 }, (_, i) => words[(i * 5 + k) % words.length]).join(' '));
    let layout: { children: { children: { lines: { runs: { glyphs: unknown[] }[] }[] }[] }[] } | undefined;
    const style = { fontFamily: 'noto-sans-arabic', fontSize: 20, direction: 'rtl' as const, textAlign: 'right' as const, width: 120 };
    const doc = createElement(Document, { onRender: (info: { _INTERNAL__LAYOUT__DATA_?: unknown }) => (layout = info._INTERNAL__LAYOUT__DATA_ as typeof layout) } as object,
      createElement(Page, { size: { width: 600, height: 30000 } }, ...texts.map((text, i) => createElement(Text, { key: i, style }, text))));
    const stream = (await pdf(doc as Parameters<typeof pdf>[0]).toBuffer()) as unknown as AsyncIterable<Buffer>;
    for await (const _ of stream) void _;
    const paragraphs = layout!.children[0]!.children;
    expect(paragraphs).toHaveLength(texts.length);
    paragraphs.forEach((paragraph, i) => {
      const drawn = paragraph.lines.reduce((n, line) => n + line.runs.reduce((m, run) => m + run.glyphs.length, 0), 0);
      expect(paragraph.lines.length).toBeGreaterThan(1);
      expect(drawn, texts[i]).toBe(shapeText(font as never, texts[i]!).glyphs.length);
    });
  });
});

describe('remembered shaping', () => {
  it('gives what HarfBuzz gives, and each caller its own arrays', () => {
    const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): unknown };
    const font = fontkit.openSync(fontFiles['noto-sans-arabic'].regular) as never;
    const text = 'اتصلوا بالطوارئ (الشرطة) الآن.';
    const first = shapeTextRemembered(font, text);
    expect(first).toEqual(shapeText(font, text));
    first.glyphs[0] = first.glyphs[1]!;
    first.positions[0]!.xAdvance *= 2;
    first.positions.length = 1;
    const second = shapeTextRemembered(font, text);
    expect(second).toEqual(shapeText(font, text));
    expect(shapeTextRemembered(font, text, { liga: false })).toEqual(shapeText(font, text, { liga: false }));
  });
});

describe('font switching in the tagged drawing', () => {
  it('leaves a document as pdfkit does, remembering the embedded font per font object', async () => {
    const { default: PDFDocument } = (await import('pdfkit')) as unknown as { default: new (options: object) => { font(f: unknown, size: number): unknown; text(t: string, x: number, y: number): unknown; end(): void; on(e: string, f: (c?: Buffer) => void): void; _fontCount: number } };
    const { rememberFonts } = await import('../../src/pdf/tagging/font-switch.ts');
    const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): unknown };
    const regular = fontkit.openSync(fontFiles['noto-sans'].regular);
    const bold = fontkit.openSync(fontFiles['noto-sans'].bold);
    const draw = async (remember: boolean) => {
      const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date(0) } });
      if (remember) rememberFonts(doc);
      const chunks: Buffer[] = [];
      doc.on('data', (chunk) => chunks.push(chunk!));
      const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
      [regular, bold, regular, regular, bold].forEach((font, i) => {
        doc.font(font, 10 + i);
        doc.text(`Line ${i}`, 20, 20 + 20 * i);
      });
      const count = doc._fontCount;
      doc.end();
      await done;
      return { count, bytes: Buffer.concat(chunks).toString('latin1') };
    };
    const own = await draw(false);
    const remembered = await draw(true);
    expect(remembered.count).toBe(own.count);
    expect(remembered.bytes).toBe(own.bytes);
    expect(own.bytes.match(/\/FontFile2/g)).toHaveLength(2);
  });
});
