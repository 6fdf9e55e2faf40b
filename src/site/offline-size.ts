import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { glob } from 'tinyglobby';
import { formatBytes } from '../core/format.ts';

/**
 * Writes how much "Save this toolkit on this device" stores ("(9.2 MB)") into every downloads
 * page, once the service worker step has counted it. A build without a worker removes the offer.
 */
export async function fillOfflineSize(outDir: string, bytes: number | undefined): Promise<void> {
  const pages = await glob(['downloads/index.html', '*/downloads/index.html'], { cwd: outDir });
  for (const page of pages) {
    const file = join(outDir, page);
    const tree = unified().use(rehypeParse).parse(await readFile(file, 'utf8'));
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
    if (changed) await writeFile(file, toHtml(tree, { allowDangerousHtml: true }));
  }
}
