// What the search index file holds, shared by the index writer and the browser script.

/** One section of a page: page number (in `pages`), section heading ('' before the first), anchor, text. */
export type SearchDoc = [page: number, heading: string, anchor: string, text: string];

/** One locale's search data, as the index script sets it on `window.kitpressSearch[<code>]`. */
export interface SearchData {
  /** BCP 47 tag: the words are cut and folded for this language. */
  lang: string;
  /** Title and folder (relative to the locale's home, e.g. `signs/`) of every page; a third item is the content language of a fallback page. */
  pages: ([title: string, path: string] | [title: string, path: string, lang: string])[];
  docs: SearchDoc[];
}

/** MiniSearch's fields: page title, section heading, section text. */
export const SEARCH_INDEX_OPTIONS = {
  fields: ['t', 'h', 'x'],
  idField: 'id',
} as const;

/** How a query is run: every word must match, the last one as a prefix (results as you type). */
export const SEARCH_QUERY_OPTIONS = {
  boost: { t: 3, h: 2, x: 1 },
  combineWith: 'AND',
  prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
  fuzzy: (term: string) => (term.length >= 6 ? 0.2 : false),
} as const;
