import MiniSearch, { type SearchResult } from 'minisearch';
import { normaliseWord, termVariants, tokenise, words } from '../../core/search/normalise.ts';
import { SEARCH_INDEX_OPTIONS, SEARCH_QUERY_OPTIONS, type SearchData } from '../search-shared.ts';

/** Results shown under the search box on every page; the search page shows them all. */
const DROPDOWN_RESULTS = 8;
const PAGE_RESULTS = 50;
/** Characters of text shown around the first match. */
const SNIPPET = 180;

type Loaded = { data: SearchData; engine: MiniSearch };
const loads = new Map<string, Promise<Loaded>>();

declare global {
  interface Window { kitpressSearch?: Record<string, SearchData> }
}

/**
 * Search as you type in every `form[data-search]`. The index is a classic script beside this
 * one (`data-index`), added on first use, so it also loads from file://. Without JavaScript the
 * form goes to the search page, which lists every page.
 */
export function initSearch(doc: Document, scriptUrl: string): void {
  for (const form of doc.querySelectorAll<HTMLFormElement>('form[data-search]')) setUp(form, scriptUrl);
}

function setUp(form: HTMLFormElement, scriptUrl: string): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const panel = document.getElementById(form.dataset.results ?? '')!;
  const list = panel.querySelector<HTMLElement>('ol, ul')!;
  const onPage = form.dataset.search === 'page';
  const d = form.dataset;
  const load = () => loadIndex(d.locale!, new URL(d.index!, scriptUrl).href);
  const action = new URL(form.getAttribute('action') ?? '', location.href);
  // The locale's home is the folder above its search page; in a kit, links end in index.html.
  const fileLinks = action.pathname.endsWith('/index.html');
  const home = new URL('../', action);
  let timer = 0;
  let announced = '';
  let shown = '';

  const show = async () => {
    const query = input.value.trim();
    // The same words as the list already shows: keep it (and the focus, if a result has it).
    if (query && query === shown && list.children.length) {
      panel.hidden = false;
      return;
    }
    if (!query) {
      shown = '';
      list.replaceChildren();
      panel.hidden = !onPage;
      announce('');
      return;
    }
    const { data, engine } = await load();
    if (input.value.trim() !== query) return;
    const results = engine.search(query, SEARCH_QUERY_OPTIONS as never).slice(0, onPage ? PAGE_RESULTS : DROPDOWN_RESULTS);
    const terms = queryTerms(query, data.lang);
    list.replaceChildren(...results.map((result) => resultItem(result, data, terms, home, fileLinks)));
    shown = query;
    panel.hidden = false;
    const count = onPage ? results.length : engine.search(query, SEARCH_QUERY_OPTIONS as never).length;
    announce(count === 0 ? fill(d.none ?? '', { query }) : fill(plural(count, data.lang, d), { count: count.toLocaleString(data.lang), query }));
  };

  const announce = (text: string) => {
    if (text === announced) return;
    announced = text;
    status.textContent = text;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void show(), 150);
  });
  input.addEventListener('focus', () => void load(), { once: true });
  form.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape' && !onPage) {
      if (panel.hidden) input.value = '';
      panel.hidden = true;
      input.focus();
      event.preventDefault();
    } else if (event.key === 'ArrowDown' && links.length) {
      links[Math.min(at + 1, links.length - 1)]!.focus();
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      (at === 0 ? input : links[at - 1]!).focus();
      event.preventDefault();
    }
  });
  if (!onPage) {
    form.addEventListener('focusout', (event) => {
      if (!form.contains(event.relatedTarget as Node | null) && !panel.contains(event.relatedTarget as Node | null)) panel.hidden = true;
    });
    input.addEventListener('focus', () => {
      if (input.value.trim() && list.children.length) panel.hidden = false;
    });
  } else {
    const query = new URLSearchParams(location.search).get('q');
    if (query) {
      input.value = query;
      void show();
    }
  }
}

/** Loads a locale's index script once and builds MiniSearch's index from its documents. */
function loadIndex(locale: string, src: string): Promise<Loaded> {
  let load = loads.get(locale);
  if (!load) {
    load = new Promise<SearchData>((resolve, reject) => {
      const ready = window.kitpressSearch?.[locale];
      if (ready) return resolve(ready);
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => (window.kitpressSearch?.[locale] ? resolve(window.kitpressSearch[locale]) : reject(new Error(`no index in ${src}`)));
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    }).then((data) => ({ data, engine: engineFor(data) }));
    load.catch(() => loads.delete(locale));
    loads.set(locale, load);
  }
  return load;
}

/** MiniSearch over a locale's sections, cutting words the same way as at build time. */
export function engineFor(data: SearchData): MiniSearch {
  const engine = new MiniSearch({
    ...SEARCH_INDEX_OPTIONS,
    fields: [...SEARCH_INDEX_OPTIONS.fields],
    tokenize: (text) => tokenise(text, data.lang),
    processTerm: (term) => termVariants(term),
    searchOptions: { processTerm: (term) => normaliseWord(term) || null },
  });
  engine.addAll(data.docs.map(([page, heading, , text], id) => ({ id, t: data.pages[page]![0], h: heading, x: text })));
  return engine;
}

function queryTerms(query: string, lang: string): string[] {
  return tokenise(query, lang).map(normaliseWord).filter(Boolean);
}

function resultItem(result: SearchResult, data: SearchData, terms: string[], home: URL, fileLinks: boolean): HTMLLIElement {
  const [pageIndex, heading, anchor, text] = data.docs[result.id as number]!;
  const [title, path, lang] = data.pages[pageIndex]!;
  const item = document.createElement('li');
  if (lang) item.lang = lang;
  const link = document.createElement('a');
  const url = new URL(`${path}${fileLinks ? 'index.html' : ''}`, home);
  url.hash = anchor;
  link.href = url.href;
  const name = document.createElement('span');
  name.className = 'search-result-title';
  name.textContent = heading ? `${title} – ${heading}` : title;
  const snippet = document.createElement('span');
  snippet.className = 'search-snippet';
  snippet.append(...snippetNodes(text, data.lang, terms));
  link.append(name, snippet);
  item.append(link);
  return item;
}

/** The text around the first word that matches, with every matching word in `<mark>`. */
export function snippetNodes(text: string, lang: string, terms: string[]): Node[] {
  const all = words(text, lang);
  const matches = all.filter(({ word }) => termVariants(word).some((variant) => terms.some((term) => variant.startsWith(term))));
  const first = matches[0]?.index ?? 0;
  let start = Math.max(0, first - SNIPPET / 3);
  if (start > 0) start = all.find((w) => w.index >= start)?.index ?? start;
  let end = Math.min(text.length, start + SNIPPET);
  if (end < text.length) end = [...all].reverse().find((w) => w.index + w.word.length <= end)?.index ?? end;
  const nodes: Node[] = [];
  let at = start;
  if (start > 0) nodes.push(document.createTextNode('… '));
  for (const match of matches) {
    if (match.index < start || match.index + match.word.length > end) continue;
    nodes.push(document.createTextNode(text.slice(at, match.index)));
    const mark = document.createElement('mark');
    mark.textContent = match.word;
    nodes.push(mark);
    at = match.index + match.word.length;
  }
  nodes.push(document.createTextNode(text.slice(at, end).trimEnd() + (end < text.length ? ' …' : '')));
  return nodes;
}

function plural(count: number, lang: string, d: DOMStringMap): string {
  const rule = new Intl.PluralRules(lang).select(count);
  const key = `count${rule[0]!.toUpperCase()}${rule.slice(1)}`;
  return d[key] ?? d.count ?? '{count}';
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
}
