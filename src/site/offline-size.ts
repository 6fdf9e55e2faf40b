import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { glob } from 'tinyglobby';
import { formatBytes } from '../core/format.ts';
import type { KeptPages } from '../build/kept-pages.ts';

/**
 * Writes how much "Save this toolkit on this device" stores ("(9.2 MB)") into every downloads
 * page, once the service worker step has counted it. A build without a worker removes the offer.
 */
export async function fillOfflineSize(outDir: string, bytes: number | undefined, kept?: { pages: KeptPages; writer: string }): Promise<void> {
  const pages = await glob(['downloads/index.html', '*/downloads/index.html'], { cwd: outDir });
  for (const page of pages) {
    const file = join(outDir, page);
    const html = await readFile(file, 'utf8');
    const filled = kept ? await kept.pages.get(`offline-size ${kept.writer} ${bytes}`, html, (text) => fillOfflineSizeHtml(text, bytes)) : fillOfflineSizeHtml(html, bytes);
    if (filled !== html) await writeFile(file, filled);
  }
}

/** One downloads page with the offline size filled in (or the offer removed); the page as it was when it has neither. */
function fillOfflineSizeHtml(html: string, bytes: number | undefined): string {
  const tree = unified().use(rehypeParse).parse(html);
  let lang = 'en';
  let changed = false;
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName === 'html' && typeof node.properties.lang === 'string') lang = node.properties.lang;
    if (node.properties.dataOfflineSave !== undefined && bytes === undefined && parent && index !== undefined) {
      parent.children.splice(index, 1);
      changed = true;
      return index;
    }
    if (node.properties.dataOfflineSize !== undefined && bytes !== undefined) {
      node.children = [{ type: 'text', value: `(${formatBytes(bytes, lang)})` }];
      changed = true;
    }
    return undefined;
  });
  return changed ? toHtml(tree, { allowDangerousHtml: true }) : html;
}
