import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { glob } from 'tinyglobby';
import type { Diagnostics } from './diagnostics/diagnostic.ts';
import { readPage, type ParsedPage } from './markdown/read-page.ts';

/** A parsed page with the hash of its source file. */
export interface PageFile extends ParsedPage {
  /** First 12 hex digits of the SHA-256 of the file's text. */
  hash: string;
}

/** Hash of a page's text, as translations record it. */
export function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex').slice(0, 12);
}

/** Reads every Markdown page of one locale folder, in file-name order. */
export async function readLocalePages(contentDir: string, locale: string, diagnostics: Diagnostics): Promise<PageFile[]> {
  const files = (await glob(['*.md', '*.markdown'], { cwd: join(contentDir, locale), onlyFiles: true })).sort();
  const pages: PageFile[] = [];
  const bySlug = new Map<string, string>();
  for (const name of files) {
    const file = `${locale}/${name}`;
    const stem = basename(name).replace(/\.(md|markdown)$/, '');
    const slug = stem.toLowerCase() === 'index' ? '' : stem.toLowerCase();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(stem) && slug !== '') {
      diagnostics.report('slug-invalid', `The page file name "${name}" cannot be an address`, { file, line: 1, column: 1 });
      continue;
    }
    const other = bySlug.get(slug);
    if (other !== undefined) {
      diagnostics.report('slug-duplicate', `"${name}" has the same address "/${slug}/" as ${other}`, { file, line: 1, column: 1 });
      continue;
    }
    bySlug.set(slug, file);
    const text = await readFile(join(contentDir, file), 'utf8');
    pages.push({ ...readPage(text, file, locale, slug, diagnostics), hash: hashText(text) });
  }
  return pages;
}
