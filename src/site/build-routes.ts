import type { Locale, Page, Toolkit } from '../core/model.ts';
import { routePath, type ListedGuide, type ListedHandout } from '../core/outputs.ts';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import { RESERVED_SLUGS } from '../core/reserved-names.ts';
import { SITE_UI_KEYS } from '../core/site-ui-keys.ts';
import { buildChrome, menuItems } from './chrome.ts';
import { downloadsBody, pageHandoutBox } from './downloads.ts';
import { privacyBox } from './privacy-box.ts';
import { SEARCH_SLUG, searchForm, searchPageBody } from './search-box.ts';
import { contentSecurityPolicy, QUICK_EXIT_SCRIPT } from './quick-exit.ts';
import { findPageWith, type RenderContext } from './render/context.ts';
import { renderBlocks } from './render/blocks.ts';
import { fillTemplate, h, html } from './render/h.ts';
import { inlineText } from '../core/walk.ts';
import { languageName } from '../core/language-name.ts';
import type { SiteLink, SiteModel, SiteRoute } from './site-model.ts';
import { createUrls, DOWNLOADS_SLUG, type Urls } from './urls.ts';
import { SCRIPT_FOLDER } from './client-script.ts';

/** Folders the build writes beside the pages; a page with one of these names would collide. */
/** The folders the site makes at its root; the reader refuses a page or locale named like one (RESERVED_SLUGS in src/core, which a test keeps in step). */
export const SITE_ROOT_FOLDERS = ['pdf', 'kits', 'fonts', 'assets', '_astro', SCRIPT_FOLDER, DOWNLOADS_SLUG, SEARCH_SLUG];


/** A page shows a list of its sections when it has at least this many. */
const TOC_MIN = 5;

interface Shared {
  toolkit: Toolkit;
  handouts: readonly ListedHandout[];
  urls: Urls;
  csp: string;
  /** The site's classic script (search, offline save), root-absolute. */
  scriptSrc: string;
  /** Each locale's search index script, by path under the site root. */
  searchIndex: Record<string, string>;
  /** The facilitator guides of every locale. */
  guides: readonly ListedGuide[];
}

/** The site's own script files, by path under the site root (their names carry their hash). */
export interface SiteScripts {
  script: string;
  /** Each locale's search index, by locale code. */
  searchIndex: Record<string, string>;
}

/** Script names for a site model built without the site writer (tests): unhashed. */
function defaultScripts(toolkit: Toolkit): SiteScripts {
  return { script: `${SCRIPT_FOLDER}/kitpress.js`, searchIndex: Object.fromEntries(toolkit.locales.map((l) => [l.code, `${SCRIPT_FOLDER}/search-${l.code}.js`])) };
}

/** Prepares every page of the site from the model: texts chosen, blocks rendered, links made. */
export function buildSiteModel(toolkit: Toolkit, handouts: readonly ListedHandout[], scripts: SiteScripts = defaultScripts(toolkit), guides: readonly ListedGuide[] = []): SiteModel {
  checkReservedSlugs(toolkit);
  checkUiStrings(toolkit);
  const urls = createUrls(toolkit);
  const shared: Shared = { toolkit, handouts, urls, csp: contentSecurityPolicy(QUICK_EXIT_SCRIPT), scriptSrc: urls.href(scripts.script), searchIndex: scripts.searchIndex, guides };
  const routes: SiteRoute[] = [];
  for (const locale of toolkit.locales) {
    const pageRoutes = locale.pages.map((page) => pageRoute(shared, locale, page));
    const downloads = downloadsRoute(shared, locale);
    linkPrevNext([...pageRoutes, downloads], menuItems(toolkit, locale, shared.urls));
    routes.push(...pageRoutes, downloads, searchRoute(shared, locale));
  }
  const defaultLocale = toolkit.locales.find((l) => l.code === toolkit.defaultLocale)!;
  return { toolkit, handouts: [...handouts], routes, notFound: notFoundRoute(shared, defaultLocale), quickExitScript: QUICK_EXIT_SCRIPT };
}

function pageRoute(shared: Shared, locale: Locale, page: Page): SiteRoute {
  const { toolkit, urls } = shared;
  const content = toolkit.locales.find((l) => l.code === page.contentLocale) ?? locale;
  const ctx: RenderContext = {
    toolkit,
    locale,
    content,
    urls,
    sourcesHref: sourcesHref(locale, urls),
    depth: 1,
  };
  // The list of sections goes before the first section, after what the page says first
  // (on the help page, "call 911 now" comes before the list).
  const toc = tableOfContents(page);
  const split = toc.length ? page.blocks.findIndex((b) => b.type === 'heading') : 0;
  const intro = renderBlocks(page.blocks.slice(0, Math.max(split, 0)), ctx);
  const body = renderBlocks(page.blocks.slice(Math.max(split, 0)), ctx);
  const privacy = page.blocks.some((b) => b.type === 'hotline-list') ? privacyBox(locale) : null;
  const handoutBox = pageHandoutBox(toolkit, locale, page.slug, shared.handouts, urls);
  const notices: string[] = [];
  // The other language named in the reader's words ("inglés", not "English").
  const language = languageName(locale.lang, content.lang);
  if (page.fallback) notices.push(html(fillTemplate(locale.ui.fallbackNotice ?? '', { language })));
  if (page.translation?.review === 'draft') notices.push(html(locale.ui.draftNotice));
  if (page.translation?.outdated) notices.push(html(locale.ui.outdatedNotice));
  const original = page.fallback ? toolkit.defaultLocale : locale.code;
  return {
    ...frame(shared, locale, page.slug),
    kind: 'page',
    documentTitle: page.title === locale.title ? locale.title : `${page.title} – ${locale.title}`,
    description: page.description,
    // A fallback page repeats the default locale's page: that one is the canonical address.
    canonical: urls.absolute(routePath(toolkit, original, page.slug)),
    alternates: page.fallback ? [] : alternates(toolkit, page.slug, urls),
    fontCss: [...new Set([locale.font, content.font])].map((font) => urls.href(`fonts/${font}.css`)),
    title: page.title,
    contentLang: page.fallback ? { lang: content.lang, dir: content.dir, fontClass: `font-${content.font}` } : undefined,
    noticesHtml: notices.filter(Boolean),
    toc,
    introHtml: html(intro),
    bodyHtml: html(body, privacy, handoutBox),
  };
}

function downloadsRoute(shared: Shared, locale: Locale): SiteRoute {
  const { toolkit, urls } = shared;
  const title = locale.ui.downloads ?? 'Downloads';
  return {
    ...frame(shared, locale, DOWNLOADS_SLUG),
    kind: 'downloads',
    documentTitle: `${title} – ${locale.title}`,
    description: locale.ui.downloadsIntro ?? '',
    canonical: urls.absolute(routePath(toolkit, locale.code, DOWNLOADS_SLUG)),
    alternates: alternates(toolkit, DOWNLOADS_SLUG, urls),
    title,
    bodyHtml: html(downloadsBody(toolkit, locale, shared.handouts, urls, shared.guides)),
  };
}

function searchRoute(shared: Shared, locale: Locale): SiteRoute {
  const { toolkit, urls } = shared;
  const title = locale.ui.searchTitle ?? 'Search';
  return {
    ...frame(shared, locale, SEARCH_SLUG),
    kind: 'search',
    // The search page has its own, larger form.
    searchHtml: '',
    documentTitle: `${title} – ${locale.title}`,
    description: locale.ui.searchLandmark ?? '',
    canonical: urls.absolute(routePath(toolkit, locale.code, SEARCH_SLUG)),
    alternates: alternates(toolkit, SEARCH_SLUG, urls),
    title,
    bodyHtml: html(searchPageBody(toolkit, locale, urls, indexFile(shared, locale))),
  };
}

/** The file name of a locale's search index, which sits beside the site's script. */
function indexFile(shared: Shared, locale: Locale): string {
  return shared.searchIndex[locale.code]!.split('/').pop()!;
}

function notFoundRoute(shared: Shared, locale: Locale): SiteRoute {
  const { urls } = shared;
  const title = locale.ui.notFoundTitle ?? 'Page not found';
  return {
    ...frame(shared, locale, undefined),
    kind: 'not-found',
    param: undefined,
    path: '404.html',
    documentTitle: `${title} – ${locale.title}`,
    description: '',
    canonical: undefined,
    alternates: [],
    title,
    bodyHtml: html(
      h('p', {}, locale.ui.notFoundText),
      h('p', {}, h('a', { href: urls.page(locale.code, '') }, locale.ui.home)),
    ),
  };
}

/** What every route of a locale shares; the caller fills in the content. */
function frame(shared: Shared, locale: Locale, slug: string | undefined): Omit<SiteRoute, 'kind' | 'documentTitle' | 'description' | 'canonical' | 'alternates' | 'title' | 'bodyHtml'> {
  const path = slug === undefined ? '' : routePath(shared.toolkit, locale.code, slug);
  return {
    param: path ? path.replace(/\/$/, '') : undefined,
    path,
    locale: locale.code,
    lang: locale.lang,
    dir: locale.dir,
    fontClass: `font-${locale.font}`,
    fontCss: [shared.urls.href(`fonts/${locale.font}.css`)],
    csp: shared.csp,
    scriptSrc: shared.scriptSrc,
    searchHtml: html(searchForm(locale, shared.urls, indexFile(shared, locale), 'header')),
    contentLang: undefined,
    noticesHtml: [],
    introHtml: '',
    toc: [],
    prev: undefined,
    next: undefined,
    chrome: buildChrome({ toolkit: shared.toolkit, locale, slug, urls: shared.urls }),
  };
}

/** Every language version of a page that is really written in that language, plus `x-default`. */
function alternates(toolkit: Toolkit, slug: string, urls: Urls): SiteRoute['alternates'] {
  if (toolkit.locales.length < 2) return [];
  const versions = toolkit.locales
    .filter((l) => slug === DOWNLOADS_SLUG || slug === SEARCH_SLUG || l.pages.some((p) => p.slug === slug && !p.fallback))
    .map((l) => ({ hreflang: l.lang, href: urls.absolute(routePath(toolkit, l.code, slug)) }));
  return [...versions, { hreflang: 'x-default', href: urls.absolute(routePath(toolkit, toolkit.defaultLocale, slug)) }];
}

function linkPrevNext(routes: SiteRoute[], menu: SiteLink[]): void {
  routes.forEach((route, i) => {
    const prev = menu[i - 1];
    const next = menu[i + 1];
    route.prev = prev ? { ...prev, current: false } : undefined;
    route.next = next ? { ...next, current: false } : undefined;
  });
}

function tableOfContents(page: Page): SiteLink[] {
  const sections = page.blocks.flatMap((b) => (b.type === 'heading' && b.depth === 2 ? [{ href: `#${b.id}`, label: inlineText(b.children) }] : []));
  return sections.length >= TOC_MIN ? sections : [];
}

function sourcesHref(locale: Locale, urls: Urls): string | undefined {
  const page = findPageWith(locale.pages, 'source-list');
  return page ? urls.page(locale.code, page.slug) : undefined;
}

// Note: the reader refuses these pages (slug-reserved) and empty interface words (ui-yaml) at their place; the two
// checks below only guard against a reader and a writer that fall out of step.
function checkReservedSlugs(toolkit: Toolkit): void {
  const codes = toolkit.locales.map((l) => l.code);
  for (const locale of toolkit.locales) {
    for (const page of locale.pages) {
      const clash = SITE_ROOT_FOLDERS.includes(page.slug) || (locale.code === toolkit.defaultLocale && codes.includes(page.slug));
      if (clash && !page.fallback) {
        throw new KitpressError(
          `The page ${page.file} would have the same address as ${codes.includes(page.slug) ? 'a language folder' : 'a folder Kitpress makes'} ("/${page.slug}/").`,
          `Rename the file: ${[...RESERVED_SLUGS, ...codes].map((s) => `${s}.md`).join(', ')} are reserved.`,
        );
      }
    }
  }
}

function checkUiStrings(toolkit: Toolkit): void {
  for (const locale of toolkit.locales) {
    const missing = SITE_UI_KEYS.filter((key) => !locale.ui[key]);
    if (missing.length) {
      throw new KitpressError(
        `The website needs interface words that ${locale.code} does not have: ${missing.slice(0, 6).join(', ')}${missing.length > 6 ? ` and ${missing.length - 6} more` : ''}.`,
        `Add them to content/ui/${toolkit.defaultLocale}.yaml (the English file that ships with Kitpress lists every one); other languages fall back to it.`,
      );
    }
  }
}
