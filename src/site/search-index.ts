import type { Block, Locale, Page, Toolkit } from '../core/model.ts';
import { inlineText, walk, walkInlines } from '../core/walk.ts';
import { hashOf } from './client-script.ts';
import { searchIndexPath } from '../core/outputs.ts';
import type { SearchData, SearchDoc } from './search-shared.ts';

/** One locale's search index as a classic script: where it goes and what it says. */
export interface SearchIndexFile {
  locale: string;
  /** Path under the site root, named by its hash, e.g. `js/search-es-1a2b3c4d5e.js`. */
  path: string;
  code: string;
}

/**
 * The search index of every locale, built from the model: one document per section of every
 * page (fallback pages included, in their own language), written as a classic script that sets
 * `kitpressSearch[<code>]`, so it loads from file:// (no fetch). Note: the browser builds
 * MiniSearch's inverted index from these documents when the reader first searches (a few
 * milliseconds); MiniSearch's serialised index alone is larger than the text it indexes
 * (45-73 kB for the default toolkit), which would break the 60 kB budget per language.
 */
export function buildSearchIndexes(toolkit: Toolkit): SearchIndexFile[] {
  return toolkit.locales.map((locale) => {
    const data = searchData(toolkit, locale);
    const code = `(window.kitpressSearch=window.kitpressSearch||{})[${JSON.stringify(locale.code)}]=${JSON.stringify(data)};\n`;
    return { locale: locale.code, path: searchIndexPath(locale.code, hashOf(code)), code };
  });
}

/** The pages and sections of one locale, in reading order. */
export function searchData(toolkit: Toolkit, locale: Locale): SearchData {
  const pages: SearchData['pages'] = [];
  const docs: SearchDoc[] = [];
  locale.pages.forEach((page, p) => {
    const content = toolkit.locales.find((l) => l.code === page.contentLocale) ?? locale;
    pages.push(content.code === locale.code ? [page.title, page.slug ? `${page.slug}/` : ''] : [page.title, page.slug ? `${page.slug}/` : '', content.lang]);
    for (const section of sections(page, locale)) docs.push([p, section.heading, section.anchor, section.text]);
  });
  return { lang: locale.lang, pages, docs };
}

/** A page cut at its level-2 headings: what comes before the first, then each section. */
function sections(page: Page, locale: Locale): { heading: string; anchor: string; text: string }[] {
  const out = [{ heading: '', anchor: '', text: [] as string[] }];
  for (const block of page.blocks) {
    if (block.type === 'heading' && block.depth === 2) {
      out.push({ heading: inlineText(block.children), anchor: block.id, text: [] });
      continue;
    }
    out.at(-1)!.text.push(blockText(block, locale));
  }
  return out
    // Arabic short vowels and tatweel are optional in writing and folded away in search: the stored text leaves them out.
    .map((s) => ({ heading: s.heading, anchor: s.anchor, text: s.text.join(' ').replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/\s+/g, ' ').trim() }))
    .filter((s) => s.heading || s.text);
}

/** The words a reader sees in a block: its text, the names of hotlines it refers to or lists (nested blocks included). */
function blockText(block: Block, locale: Locale): string {
  const parts: string[] = [];
  const hotline = (id: string) => locale.hotlines.find((line) => line.id === id);
  walk([block], {
    enter(inner) {
      // Note: the list of every hotline adds only their names (not their descriptions): the index stays small.
      if (inner.type === 'hotline-list') parts.push(locale.hotlines.map((line) => line.label).join(' '), ' ');
    },
    run(run) {
      walkInlines(run.inlines, (inline) => {
        if (inline.type === 'text' || inline.type === 'code') parts.push(inline.value);
        else if (inline.type === 'break') parts.push(' ');
        else if (inline.type === 'hotline') parts.push(hotline(inline.id)?.label ?? '');
      });
      parts.push(' ');
    },
  });
  return parts.join('');
}
