import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { glob } from 'tinyglobby';
import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.ts';
import type { ParsedPage } from './markdown/read-page.ts';
import { decodeText } from './text-encoding.ts';
import { sourceVersion } from './translation/source-version.ts';

/** A parsed page with the hash of its source file. */
export interface PageFile extends ParsedPage {
  /** First 12 hex digits of the SHA-256 of the file's text (what older translations record). */
  hash: string;
  /** The version a translation records: its words, not its layout (see source-version.ts); '' without front matter. */
  version: string;
}

/** Hash of a page's text, as translations record it. */
export function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex').slice(0, 12);
}

/**
 * Pages parsed by earlier reads, by file: a page whose text is unchanged is not parsed again
 * (the dev server keeps one between edits).
 */
export type PageCache = Map<string, PageCacheEntry>;

/** One page of a `PageCache`: the text it was parsed from, the page and what its reading reported. */
export interface PageCacheEntry {
  text: string;
  page: PageFile;
  reports: Diagnostic[];
}

/** Reads every Markdown page of one locale folder, in file-name order. */
export async function readLocalePages(contentDir: string, locale: string, diagnostics: Diagnostics, cache?: PageCache): Promise<PageFile[]> {
  const files = (await glob(['*.md', '*.markdown'], { cwd: join(contentDir, locale), onlyFiles: true })).sort();
  const pages: PageFile[] = [];
  const bySlug = new Map<string, string>();
  for (const name of files) {
    const file = `${locale}/${name}`;
    const stem = basename(name).replace(/\.(md|markdown)$/, '');
    const slug = stem.toLowerCase() === 'index' ? '' : stem.toLowerCase();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(stem) && slug !== '') {
      diagnostics.report('slug-invalid', { name }, { file, line: 1, column: 1 });
      continue;
    }
    const other = bySlug.get(slug);
    if (other !== undefined) {
      diagnostics.report('slug-duplicate', { name, slug, other }, { file, line: 1, column: 1 });
      continue;
    }
    bySlug.set(slug, file);
    const text = decodeText(await readFile(join(contentDir, file)), file, diagnostics);
    if (text === undefined) continue;
    const cached = cache?.get(file);
    if (cached && cached.text === text) {
      diagnostics.list.push(...cached.reports);
      pages.push(cached.page);
      continue;
    }
    const own = new Diagnostics();
    // Note: the Markdown reader (unified, micromark) loads only when a page must be parsed: not when every page comes from the cache.
    const { readPage } = await import('./markdown/read-page.ts');
    const parsed = readPage(text, file, locale, slug, own);
    const fm = parsed.frontMatter;
    const version = fm ? sourceVersion({ title: fm.title, description: fm.description, handoutTitle: fm.handout?.title, blocks: parsed.blocks }) : '';
    const page = { ...parsed, hash: hashText(text), version };
    diagnostics.list.push(...own.list);
    cache?.set(file, { text, page, reports: own.list });
    pages.push(page);
  }
  return pages;
}
