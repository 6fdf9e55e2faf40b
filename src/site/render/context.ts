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

/** The first page of a locale that holds a block of the given type (the help page, the sources page). */
export function findPageWith(pages: readonly Page[], type: Block['type']): Page | undefined {
  return pages.find((page) => {
    let found = false;
    forEachBlock(page.blocks, (block) => {
      if (block.type === type) found = true;
    });
    return found;
  });
}
