import type { Element } from 'hast';
import type { Locale, Toolkit } from '../core/model.ts';
import { inlineText } from '../core/walk.ts';
import { h } from './render/h.ts';
import { labelLanguage } from './chrome.ts';
import type { Urls } from './urls.ts';

/** The slug of the search page Kitpress makes for every locale. */
export const SEARCH_SLUG = 'search';

/** Plural categories a count can take (Intl.PluralRules), for the result count's forms. */
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/**
 * A search form: a labelled search landmark whose `action` is the locale's search page, so it
 * works without JavaScript; the site's script shows results as the reader types (`header`, a
 * short list under the box) or in the search page itself (`page`). `indexFile` is the name of the
 * locale's index script, beside the site's script.
 */
export function searchForm(locale: Locale, urls: Urls, indexFile: string, variant: 'header' | 'page'): Element {
  const ui = locale.ui;
  const id = variant === 'header' ? 'kp-search' : 'kp-search-page';
  const counts = Object.fromEntries(CATEGORIES.flatMap((c) => (ui[`searchCount.${c}`] ? [[`dataCount${c[0]!.toUpperCase()}${c.slice(1)}`, ui[`searchCount.${c}`]]] : [])));
  const results = h('div', { id: `${id}-results`, className: ['search-results', `search-results-${variant}`], hidden: variant === 'header' },
    h('ol', { className: ['search-list'] }));
  return h('form', {
    className: ['search-form', `search-form-${variant}`],
    role: 'search',
    ariaLabel: ui.searchLandmark,
    action: urls.page(locale.code, SEARCH_SLUG),
    method: 'get',
    dataSearch: variant,
    dataLocale: locale.code,
    dataIndex: indexFile,
    dataResults: `${id}-results`,
    dataCount: ui.searchCount,
    ...counts,
    dataNone: ui.searchNone,
  },
    h('label', { htmlFor: [`${id}-q`], className: ['search-label'] }, ui.searchLabel),
    h('span', { className: ['search-row'] },
      h('input', { type: 'search', id: `${id}-q`, name: 'q', autoComplete: ['off'], spellCheck: 'false', enterKeyHint: 'search', ariaDescribedby: [`${id}-status`] }),
      h('button', { type: 'submit', className: ['button'] }, ui.searchButton)),
    h('p', { className: ['search-status'], id: `${id}-status`, role: 'status', dataSearchStatus: '' }),
    results);
}

/**
 * The body of the search page: the form, where its results go, and every page with its sections,
 * which is all a reader without JavaScript gets (the page says so).
 */
export function searchPageBody(toolkit: Toolkit, locale: Locale, urls: Urls, indexFile: string): Element[] {
  const ui = locale.ui;
  return [
    searchForm(locale, urls, indexFile, 'page'),
    h('noscript', {}, h('p', { className: ['notice'] }, ui.searchNoScript)),
    h('h2', { id: 'every-page' }, ui.searchEveryPage),
    h('ul', { className: ['every-page'] }, locale.pages.map((page) => {
      const sections = page.blocks.flatMap((b) => (b.type === 'heading' && b.depth === 2 ? [b] : []));
      const language = labelLanguage(toolkit, locale, page);
      // The list keeps the page's direction; a fallback page's titles carry their own language.
      const own = { lang: language.lang, dir: language.dir };
      return h('li', {},
        h('a', { href: urls.page(locale.code, page.slug), ...own }, page.title),
        sections.length ? h('ul', {}, sections.map((s) => h('li', {}, h('a', { href: urls.page(locale.code, page.slug, s.id), ...own }, inlineText(s.children))))) : null);
    })),
  ];
}
