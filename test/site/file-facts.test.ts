import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFacts, formatBytes } from '../../src/core/format.ts';
import { routePath } from '../../src/core/outputs.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { builtDefault, defaultContent } from '../helpers/paths.ts';
import { classes, elements, parseHtml, textOf } from './site-tools.ts';

/** The word a language joins the last two items of a list with ("and", "y", "و"), as Intl says. */
function conjunction(lang: string): string {
  const parts = new Intl.ListFormat(lang, { type: 'conjunction' }).formatToParts(['a', 'b']);
  return parts.find((part) => part.type === 'literal')!.value.trim().replace(/^[,،、]\s*/, '');
}

describe('facts about a file (type, pages, size)', () => {
  it('are a list of separate items in every language, never joined by "and"', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    // Every locale of the content, and Chinese whether or not the content has it yet.
    for (const lang of [...toolkit!.locales.map((l) => l.lang), 'zh-Hans']) {
      const size = formatBytes(967_000, lang);
      expect(fileFacts(['ZIP', size]), lang).toBe(`ZIP · ${size}`);
      expect(fileFacts(['PDF', '2 pages', size]), lang).toBe(`PDF · 2 pages · ${size}`);
    }
  });

  it('show on every downloads page (site) as items, with no conjunction of the page\'s language', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    for (const locale of toolkit!.locales) {
      const tree = await parseHtml(join(builtDefault, routePath(toolkit!, locale.code, 'downloads'), 'index.html'));
      const metas = elements(tree, (el) => classes(el).includes('file-meta')).map((el) => textOf(el));
      expect(metas.length, locale.code).toBeGreaterThan(0);
      const and = conjunction(locale.lang);
      for (const meta of metas) {
        const items = meta.replace(/^\(|\)$/g, '').split(' · ');
        // Two items at least: the type and its size (a kit: "ZIP · 887 kB"; a PDF: "PDF · 2 pages · 84 kB").
        expect(items.length, `${locale.code}: ${meta}`).toBeGreaterThanOrEqual(2);
        // Note: a list joined by Intl.ListFormat is one item here ("ZIP y 967 kB", "ZIP و967 kB").
        expect([locale.ui.pdfFile, 'ZIP'], `${locale.code}: ${meta}`).toContain(items[0]);
        for (const item of items) expect(item.split(/\s+/), `${locale.code}: ${meta}`).not.toContain(and);
      }
    }
  });
});
