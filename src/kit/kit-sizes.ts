import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { toHtml } from 'hast-util-to-html';
import { visit, SKIP } from 'unist-util-visit';
import type { KitFile } from '../core/outputs.ts';
import { fileFacts, formatBytes } from '../core/format.ts';
import type { KeptPages } from '../build/kept-pages.ts';

const attr = (node: Element, name: string) => node.properties[name] as string | undefined;

/**
 * Fills in the offline kit sizes on every downloads page, once the kits exist.
 * The site is built before the kits, so each kit link carries a `data-kit-size="<path>"`
 * placeholder; a kit that was not built has its link removed rather than left broken.
 * `downloadsPages` are paths relative to `outDir` (default: every locale's `downloads/index.html`);
 * with `kept`, a page filled by an earlier build with the same sizes is read from there (see `openKeptPages`).
 */
export async function fillKitSizes(outDir: string, kits: readonly KitFile[], downloadsPages?: string[], kept?: { pages: KeptPages; writer: string }): Promise<void> {
  const pages = downloadsPages ?? (await findDownloadsPages(outDir));
  const key = kept && `kit-sizes ${kept.writer} ${JSON.stringify(kits.map((kit) => [kit.path, kit.bytes]))}`;
  for (const page of pages) {
    const file = join(outDir, page);
    const html = await readFile(file, 'utf8');
    await writeFile(file, kept ? await kept.pages.get(key!, html, (text) => fillKitSizesHtml(text, kits)) : fillKitSizesHtml(html, kits));
  }
}

/**
 * Fills in the kit sizes of one downloads page (the `data-kit-size` placeholders), and removes
 * the link of a kit that was not built. The kits use it too, for the copies of the pages they hold.
 */
export function fillKitSizesHtml(html: string, kits: readonly KitFile[]): string {
  const byPath = new Map(kits.map((kit) => [kit.path, kit]));
  const tree = unified().use(rehypeParse).parse(html);
  let lang = 'en';
  visit(tree, 'element', (node) => {
    if (node.tagName === 'html' && typeof node.properties.lang === 'string') lang = node.properties.lang;
  });
  visit(tree, 'element', (node, index, parent) => {
    const item = attr(node, 'dataKitItem');
    if (item !== undefined && !byPath.has(item) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const sized = attr(node, 'dataKitSize');
    const kit = sized === undefined ? undefined : byPath.get(sized);
    if (kit) node.children = [{ type: 'text', value: kitSizeText(kit.bytes, lang) }];
    return undefined;
  });
  removeEmptyKitSections(tree);
  return toHtml(tree, { allowDangerousHtml: true });
}

/** What a downloads page prints for a kit of `bytes`: "ZIP · 887 kB". */
export function kitSizeText(bytes: number, lang: string): string {
  return fileFacts(['ZIP', formatBytes(bytes, lang)]);
}

/** Drops the offline kit section when no kit was built for it. */
function removeEmptyKitSections(tree: Root): void {
  visit(tree, 'element', (node, index, parent) => {
    if (attr(node, 'dataKitSection') === undefined || !parent || index === undefined) return undefined;
    let links = 0;
    visit(node, 'element', (inner) => {
      if (attr(inner, 'dataKitItem') !== undefined) links += 1;
    });
    if (links > 0) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

async function findDownloadsPages(outDir: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  return glob(['downloads/index.html', '*/downloads/index.html'], { cwd: outDir });
}
