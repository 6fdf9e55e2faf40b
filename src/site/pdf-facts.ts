import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale, Toolkit } from '../core/model.ts';
import type { GuideFile, HandoutFile, HandoutPreview } from '../core/outputs.ts';
import { fileFacts, formatBytes } from '../core/format.ts';
import { pluralUi } from '../core/plural.ts';
import { writeFileAtomic } from '../core/write-atomic.ts';
import { fillText, h } from './render/h.ts';

/**
 * The site is built while the PDFs print (src/build/pipeline.ts), so a PDF's page count and size
 * are not known when its link is written, nor the size of its preview. Such a link carries a
 * placeholder (`data-pdf-facts="<reader locale> <path>"`) and a preview `data-preview-size="<path>"`;
 * `fillPdfFacts` writes the facts in once the PDFs exist. The filled page is the one the site
 * would have built with the facts known, byte for byte.
 */

/** "PDF · 1 page · 84 kB": what a link to a PDF says about it, in the reader's words. */
export function pdfFactsText(file: Pick<HandoutFile, 'pages' | 'bytes'>, reader: Locale): string {
  return `(${fileFacts([
    reader.ui.pdfFile ?? 'PDF',
    fillText(pluralUi(reader.ui, reader.lang, 'pagesCount', file.pages) ?? '{count}', { count: file.pages }),
    formatBytes(file.bytes, reader.lang),
  ])})`;
}

/** The facts of a PDF link: written now when they are known, else a placeholder filled in later. */
export function pdfFactsElement(file: Pick<HandoutFile, 'path'> & Partial<Pick<HandoutFile, 'pages' | 'bytes'>>, reader: Locale): Element {
  if (file.pages === undefined || file.bytes === undefined) return h('span', { className: ['file-meta'], dataPdfFacts: `${reader.code} ${file.path}` });
  return h('span', { className: ['file-meta'] }, pdfFactsText({ pages: file.pages, bytes: file.bytes }, reader));
}

/** The printed PDFs whose facts the pages of a build are filled with. */
export interface PrintedFacts {
  handouts: readonly HandoutFile[];
  guides: readonly GuideFile[];
}

const FACTS = /<span class="file-meta" data-pdf-facts="([^"]*)"><\/span>/g;
// An image tag with a preview placeholder first; quoted values may hold `>`.
const PREVIEW = /<img data-preview-size="([^"]*)"((?:[^>"]|"[^"]*")*?) width="\d+" height="\d+"/g;

/** Undoes the escaping hast-util-to-html gives an attribute value. */
function attributeValue(text: string): string {
  return text.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&amp;/g, '&').replace(/&quot;/g, '"');
}

/**
 * Fills the placeholders of one page. Throws when a placeholder names a PDF that was not printed:
 * the site listed only what the PDF writers said they would write, so that is a bug.
 */
export function fillPdfFactsHtml(html: string, toolkit: Toolkit, printed: PrintedFacts): string {
  if (!html.includes('data-pdf-facts="') && !html.includes('data-preview-size="')) return html;
  const files = new Map<string, Pick<HandoutFile, 'pages' | 'bytes'>>([...printed.handouts, ...printed.guides].map((file) => [file.path, file]));
  const previews = new Map<string, HandoutPreview>(printed.handouts.flatMap((file) => (file.preview ? [[file.preview.path, file.preview] as const] : [])));
  const locales = new Map(toolkit.locales.map((locale) => [locale.code, locale]));
  return html
    .replace(FACTS, (_, value: string) => {
      const [code = '', ...rest] = attributeValue(value).split(' ');
      const path = rest.join(' ');
      const file = files.get(path);
      const reader = locales.get(code);
      if (!file || !reader) throw new Error(`The site links ${path}, which was not printed`);
      return toHtml(pdfFactsElement({ path, ...file }, reader));
    })
    .replace(PREVIEW, (_, value: string, between: string) => {
      const preview = previews.get(attributeValue(value));
      if (!preview) throw new Error(`The site shows the preview ${attributeValue(value)}, which was not drawn`);
      // Drawn at twice the size it is shown, for sharp high-density screens.
      return `<img${between} width="${Math.round(preview.width / 2)}" height="${Math.round(preview.height / 2)}"`;
    });
}

/** Fills the PDF facts into the built pages (`pages`: paths relative to `outDir`). */
export async function fillPdfFacts(outDir: string, pages: readonly string[], toolkit: Toolkit, printed: PrintedFacts): Promise<void> {
  for (const page of pages) {
    const file = join(outDir, page);
    const html = await readFile(file, 'utf8');
    const filled = fillPdfFactsHtml(html, toolkit, printed);
    if (filled !== html) await writeFileAtomic(file, filled);
  }
}
