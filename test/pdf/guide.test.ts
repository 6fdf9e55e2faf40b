import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale, PaperSize, Toolkit } from '../../src/core/model.ts';
import { guidePath, kitPath, routePath } from '../../src/core/outputs.ts';
import { fillPlaceholders } from '../../src/core/fill-placeholders.ts';
import { languageName } from '../../src/core/language-name.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { planKits } from '../../src/kit/kit-layout.ts';
import { renderGuide } from '../../src/pdf/render-guide.tsx';
import { builtDefault, defaultContent, fixtures } from '../helpers/paths.ts';
import { centralDirectory } from '../kit/zip-tools.ts';
import { elements, parseHtml, textOf } from '../site/site-tools.ts';
import { pdfInfo } from './pdf-tools.ts';
import { allNodes, contentStreams, qdf, qpdfCheck, spoken, structTrees, unmarkedText } from './pdf-structure.ts';
import { inOrder, logicalOrder, words } from './text-order.ts';

// The whole toolkit of each language on paper, as a facilitator prints it from the downloads page.
let toolkit: Toolkit;
const squash = (text: string) => text.normalize('NFC').replace(/[\s\u061c\u200e\u200f]+/g, '');

beforeAll(async () => {
  toolkit = (await readToolkit(defaultContent)).toolkit!;
});

interface Guide {
  locale: Locale;
  paper: PaperSize;
  path: string;
  name: string;
}

/** Every guide the model calls for: each locale (derived from the content, so a new locale is tested too) on each paper. */
const guides = (): Guide[] => toolkit.locales.flatMap((locale) => toolkit.paper.map((paper) => ({ locale, paper, path: join(builtDefault, guidePath(locale.code, paper)), name: `${locale.code} ${paper}` })));

/** The words of one sheet's text layer (pdftotext, what copying and searching get), in reading order. */
function sheetWords(path: string, sheet: number, locale: Locale): string[] {
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(sheet), '-l', String(sheet), path, '-'], { encoding: 'utf8' });
  return words(locale.dir === 'rtl' ? logicalOrder(raw) : raw, locale.lang);
}

/** Each link of the table of contents: the sheet it is on, the named destination it goes to, the sheet that is, and the number printed in it. */
async function contentsLinks(path: string): Promise<{ sheet: number; dest: string; target: number; printed: string }[]> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const links = [];
  for (let sheet = 1; sheet <= pdf.numPages; sheet += 1) {
    const page = await pdf.getPage(sheet);
    const annotations = (await page.getAnnotations()) as { subtype: string; dest?: unknown; rect: number[] }[];
    // Note: pdf.js gives some Arabic marks as zero-width pieces of text that read as digits; a printed number has a width.
    const items = ((await page.getTextContent()).items as { str: string; transform: number[]; width: number }[]).filter((item) => 'str' in item && item.width > 0);
    for (const annotation of annotations.filter((a) => a.subtype === 'Link' && typeof a.dest === 'string')) {
      const explicit = (await pdf.getDestination(annotation.dest as string)) as [object, ...unknown[]] | null;
      expect(explicit, `${path}: destination ${String(annotation.dest)} is defined`).not.toBeNull();
      const target = (await pdf.getPageIndex(explicit![0] as Parameters<typeof pdf.getPageIndex>[0])) + 1;
      const [x1, y1, x2, y2] = annotation.rect as [number, number, number, number];
      const inside = items.filter((item) => item.transform[4]! >= x1 - 1 && item.transform[4]! <= x2 + 1 && item.transform[5]! >= y1 - 1 && item.transform[5]! <= y2 + 1);
      const printed = inside.map((item) => item.str.replace(/[\u200e\u200f\u202a-\u202e\s]/g, '')).find((text) => /^\d+$/.test(text)) ?? '';
      links.push({ sheet, dest: annotation.dest as string, target, printed });
    }
  }
  return links;
}

describe('facilitator guide PDFs', () => {
  it('exist for every language and paper size, tagged, claiming PDF/UA-1, passing qpdf --check', () => {
    expect(guides().length).toBe(toolkit.locales.length * toolkit.paper.length);
    for (const { locale, paper, path, name } of guides()) {
      const info = pdfInfo(path);
      expect(info.Tagged, name).toBe('yes');
      expect(info.Title, name).toBe(fillPlaceholders(locale.ui.guideTitle!, { title: locale.title }));
      expect(info['Page size'], name).toContain(paper === 'a4' ? '595.28 x 841.89' : '612 x 792');
      // A cover, the contents, then at least a sheet for every page of the toolkit.
      expect(Number(info.Pages), name).toBeGreaterThanOrEqual(locale.pages.length + 2);
      const check = qpdfCheck(path);
      expect(check.ok, `${name}: ${check.output}`).toBe(true);
      expect(readFileSync(path, 'latin1'), name).toContain('<pdfuaid:part>1</pdfuaid:part>');
      const streams = contentStreams(qdf(path));
      for (const [index, stream] of streams.entries()) expect(unmarkedText(stream), `${name} sheet ${index + 1}`).toEqual({ loose: 0, balanced: true });
    }
  });

  it('has a table of contents whose entries link to the sheet where each page starts, print that sheet number, and that sheet\'s text layer has the page title', async () => {
    for (const { locale, path, name } of guides()) {
      const links = await contentsLinks(path);
      // One link per page of the toolkit, in menu order, on the contents sheets (after the cover).
      expect(links.map((l) => l.dest), name).toEqual(locale.pages.map((_, index) => `kp-page-${index}`));
      expect(links.every((l) => l.sheet === 2), name).toBe(true);
      const targets = links.map((l) => l.target);
      expect(targets, name).toEqual([...targets].sort((a, b) => a - b));
      for (const [index, link] of links.entries()) {
        const page = locale.pages[index]!;
        expect(link.printed, `${name}: number printed for ${page.title}`).toBe(String(link.target));
        // The title, word for word (for Arabic: after the same normalisation as the handouts' text-layer test).
        const title = words(page.title, locale.lang);
        const found = sheetWords(path, link.target, locale);
        expect(inOrder(title, found), `${name}: "${page.title}" on sheet ${link.target}`).toBe(title.length);
      }
    }
  });

  it('has each page title as a heading of its own, the fallback notice on pages shown in the source language, and the hotlines on the cover', async () => {
    for (const { locale, path, name } of guides()) {
      const { trees } = await structTrees(path);
      const nodes = allNodes(trees);
      const h1 = nodes.filter((node) => node.role === 'H1').map((node) => squash(spoken(node)));
      expect(h1, name).toEqual([squash(fillPlaceholders(locale.ui.guideTitle!, { title: locale.title })), ...locale.pages.map((page) => squash(page.title))]);
      const said = nodes.map((node) => squash(spoken(node)));
      for (const page of locale.pages.filter((p) => p.fallback)) {
        const source = toolkit.locales.find((l) => l.code === page.contentLocale)!;
        expect(said, `${name}: ${page.slug}`).toContain(squash(fillPlaceholders(locale.ui.fallbackNotice!, { language: languageName(locale.lang, source.lang) })));
      }
      const cover = sheetWords(path, 1, locale).join(' ');
      for (const line of locale.hotlines.filter((h) => h.primary)) {
        for (const contact of [line.phone, line.sms].filter(Boolean)) expect(cover, `${name}: ${line.id}`).toContain(words(contact!, 'en').join(' '));
      }
    }
  });

  it('is offered on every downloads page, with its paper size, pages and size', async () => {
    for (const locale of toolkit.locales) {
      const tree = await parseHtml(join(builtDefault, routePath(toolkit, locale.code, 'downloads'), 'index.html'));
      const links = elements(tree, (el) => el.tagName === 'a' && String(el.properties.href).includes('/facilitator-guide-'));
      expect(links.length, locale.code).toBe(toolkit.paper.length);
      for (const paper of toolkit.paper) {
        const link = links.find((l) => String(l.properties.href).endsWith(guidePath(locale.code, paper)));
        expect(link, `${locale.code} ${paper}`).toBeDefined();
        const pages = Number(pdfInfo(join(builtDefault, guidePath(locale.code, paper))).Pages);
        expect(textOf(link!), `${locale.code} ${paper}`).toContain(String(pages));
      }
    }
  });

  it('is in every offline kit, for each language the kit holds', () => {
    for (const plan of planKits(toolkit)) {
      const names = new Set(centralDirectory(readFileSync(join(builtDefault, kitPath(toolkit.name, plan.id)))).map((r) => r.name));
      for (const locale of plan.locales) {
        for (const paper of toolkit.paper) {
          const inKit = `${plan.top}/${guidePath(locale.code, paper)}`;
          expect(names.has(inKit), `${plan.id}: ${inKit}`).toBe(true);
        }
      }
    }
  });
});

describe('a facilitator guide with pages shown in the source language', () => {
  it('prints each such page in its own language, under the same notice as the site, and keeps every title in the text layer', async () => {
    // The multilingual fixture: Arabic translates only its home page, the rest shows in English.
    const fixture = (await readToolkit(join(fixtures, 'site-multilingual'))).toolkit!;
    const locale = fixture.locales.find((l) => l.pages.some((p) => p.fallback) && l.dir === 'rtl')!;
    const fallbacks = locale.pages.filter((p) => p.fallback);
    expect(fallbacks.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'kitpress-guide-'));
    try {
      const path = join(dir, 'guide.pdf');
      const guide = await renderGuide(fixture, locale, fixture.paper[0]!);
      writeFileSync(path, guide.bytes);
      expect(guide.pdfUa, guide.tagProblems.join('; ')).toBe(true);
      const { trees } = await structTrees(path);
      const nodes = allNodes(trees);
      for (const page of fallbacks) {
        const source = fixture.locales.find((l) => l.code === page.contentLocale)!;
        const notice = squash(fillPlaceholders(locale.ui.fallbackNotice!, { language: languageName(locale.lang, source.lang) }));
        // The notice is in the reader's language, the page under it in the source language.
        const said = nodes.filter((node) => squash(spoken(node)) === notice);
        expect(said.length, page.slug).toBeGreaterThanOrEqual(1);
        const section = nodes.find((node) => node.role === 'Sect' && node.lang === source.lang && node.children.some((c) => c.role === 'H1' && squash(spoken(c)) === squash(page.title)));
        expect(section, `${page.slug} is tagged as ${source.lang}`).toBeDefined();
      }
      // One notice paragraph per page shown in the source language, none on the translated ones.
      const notice = squash(fillPlaceholders(locale.ui.fallbackNotice!, { language: languageName(locale.lang, fixture.locales.find((l) => l.code === fallbacks[0]!.contentLocale)!.lang) }));
      expect(nodes.filter((node) => node.role === 'P' && squash(spoken(node)) === notice).length).toBe(fallbacks.length);
      for (const [index, page] of locale.pages.entries()) {
        const text = words(page.title, page.fallback ? 'en' : locale.lang);
        const found = sheetWords(path, guide.startsAt[index]!, page.fallback ? fixture.locales.find((l) => l.code === page.contentLocale)! : locale);
        expect(inOrder(text, found), page.title).toBe(text.length);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
