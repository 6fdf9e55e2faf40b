import { forEachBlock } from '../../core/walk.ts';
import type { Block, Locale, Page, Toolkit } from '../../core/model.ts';
import type { Urls } from '../urls.ts';

/** What the block and inline renderers need to know about the page they render. */
export interface RenderContext {
  toolkit: Toolkit;
  /** The reader's locale: links and interface words. */
  locale: Locale;
  /** The locale the text is written in (differs on fallback pages): hotline labels. */
  content: Locale;
  urls: Urls;
  /** Link to the page that lists every source in the reader's locale, if there is one. */
  sourcesHref: string | undefined;
  /** Depth of the last heading rendered (1 = the page title); titled blocks nest under it. */
  depth: number;
}

/** What `findPageWith` found in a locale's pages, by block type. */
const foundIn = new WeakMap<readonly Page[], Map<Block['type'], Page | undefined>>();

/**
 * The first page of a locale that holds a block of the given type (the help page, the sources page).
 * Note: looked for once per list of pages: every route's header and help box asks, and each look
 * walked every block of the locale's pages.
 */
export function findPageWith(pages: readonly Page[], type: Block['type']): Page | undefined {
  let found = foundIn.get(pages);
  if (!found) foundIn.set(pages, (found = new Map()));
  if (!found.has(type)) found.set(type, pages.find((page) => holds(page, type)));
  return found.get(type);
}

function holds(page: Page, type: Block['type']): boolean {
  let found = false;
  forEachBlock(page.blocks, (block) => {
    if (block.type === type) found = true;
  });
  return found;
}
