import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import type { Inline, Locale, Page, Toolkit } from '../../src/core/model.ts';
import { handoutPath } from '../../src/core/outputs.ts';
import { renderHandout } from '../../src/pdf/render-handout.tsx';
import { builtDefault, defaultContent } from '../helpers/paths.ts';
import { pdfFonts, pdfInfo, pdfText } from './pdf-tools.ts';

/** The default content's handouts, as built once by the global setup through the CLI. */
let toolkit: Toolkit;
const sizes = { letter: '612 x 792 pts', a4: '595.28 x 841.89 pts' } as const;

/** The plain words of inlines (what must appear in the PDF whatever the styling). */
function words(inlines: Inline[]): string[] {
  return inlines.flatMap((inline) => (inline.type === 'text' ? [inline.value.replace(/\s+/g, ' ').trim()] : 'children' in inline ? words(inline.children) : [])).filter(Boolean);
}

function handouts(): { locale: Locale; page: Page; paper: 'letter' | 'a4'; path: string }[] {
  return toolkit.locales.flatMap((locale) =>
    // A page a locale shows untranslated prints no handout there (no mixed-language handouts).
    locale.pages.filter((page) => page.handout && !page.fallback).flatMap((page) => toolkit.paper.map((paper) => ({ locale, page, paper, path: join(builtDefault, handoutPath(locale.code, page.handout!.file, paper)) }))),
  );
}

beforeAll(async () => {
  const result = await readToolkit(defaultContent);
  if (!result.toolkit) throw new Error('The default content has errors');
  toolkit = result.toolkit;
});

describe('default content handouts', () => {
  it('prints every handout of every locale on every paper size', () => {
    expect(handouts().length).toBeGreaterThan(0);
    for (const { path } of handouts()) expect(existsSync(path), path).toBe(true);
  });

  it('fits each handout in its page budget, on paper of the exact size', () => {
    for (const { page, paper, path } of handouts()) {
      const info = pdfInfo(path);
      expect(Number(info.Pages), path).toBeLessThanOrEqual(page.handout!.pageBudget);
      expect(info['Page size'], path).toContain(sizes[paper]);
    }
  });

  it('fits the English signs checklist at 11 pt or more on both paper sizes (the footer is compact)', async () => {
    for (const paper of ['letter', 'a4'] as const) {
      const { fontSize, pages } = await renderHandout(toolkit, { locale: 'en', slug: 'signs', paper });
      expect(pages, paper).toBe(1);
      expect(fontSize, paper).toBeGreaterThanOrEqual(11);
    }
  });

  it('embeds every font', () => {
    for (const { path } of handouts()) {
      const fonts = pdfFonts(path);
      expect(fonts.length, path).toBeGreaterThan(0);
      expect(fonts.filter((font) => !font.embedded), path).toEqual([]);
    }
  });

  it('holds the title, every checklist item and the primary hotline numbers as text', async () => {
    for (const { locale, page, path } of handouts()) {
      const text = await pdfText(path);
      for (const hotline of locale.hotlines.filter((h) => h.primary && h.phone)) {
        // Extraction reads a right-to-left line in drawing order, so a number may come out group-reversed.
        const reversed = hotline.phone!.split('-').reverse().join('-');
        expect(text.includes(hotline.phone!) || (locale.dir === 'rtl' && text.includes(reversed)), `${path}: ${hotline.phone}`).toBe(true);
      }
      // Note: Arabic text is drawn right but cannot be extracted (react-pdf maps Noto Sans Arabic's dot glyphs badly).
      if (locale.dir === 'rtl') continue;
      expect(text, path).toContain((page.handout!.title ?? page.title).replace(/\s+/g, ' '));
      for (const block of page.blocks) {
        if (block.type !== 'checklist') continue;
        for (const item of block.items) for (const piece of words(item.children)) expect(text, `${path}: ${piece}`).toContain(piece);
      }
    }
  });

  it('records the title, organisation, language and the toolkit date, and claims PDF/UA-1 (it passed the writer\'s checks)', () => {
    for (const { locale, page, path } of handouts()) {
      const info = pdfInfo(path);
      expect(info.Creator).toBe('Kitpress');
      expect(info.Producer).toBe('Kitpress');
      expect(info.Author).toBe(toolkit.organisation.name);
      expect(info.CreationDate).toBe(`${toolkit.date}T00:00:00Z`);
      expect(info.ModDate).toBe(`${toolkit.date}T00:00:00Z`);
      if (locale.dir === 'ltr') expect(info.Title).toBe(page.handout!.title ?? page.title);
      const bytes = readFileSync(path, 'latin1');
      expect(bytes).toContain(`/Lang (${locale.lang})`);
      expect(bytes).toContain('<pdfuaid:part>1</pdfuaid:part>');
    }
  });
});
