import type { Locale, Page, Toolkit } from '../core/model.ts';
import { formatDate } from '../core/format.ts';
import { NEUTRAL_URL } from './quick-exit.ts';
import { findPageWith } from './render/context.ts';
import { fillTemplate, h, html } from './render/h.ts';
import { contactLinks } from './render/hotlines.ts';
import type { LanguageLink, SiteChrome, SiteLink } from './site-model.ts';
import { DOWNLOADS_SLUG, type Urls } from './urls.ts';

/** Where the chrome is drawn: the locale, and the slug of the page (downloads included). */
export interface ChromeTarget {
  toolkit: Toolkit;
  locale: Locale;
  /** Slug of the current page, `downloads` for the downloads page, undefined for the 404 page. */
  slug: string | undefined;
  urls: Urls;
}

/** The pages of a locale in menu order, then the downloads page. */
export function menuItems(toolkit: Toolkit, locale: Locale, urls: Urls): (SiteLink & { slug: string })[] {
  return [
    ...locale.pages.map((page) => ({ slug: page.slug, href: urls.page(locale.code, page.slug), label: page.title, ...labelLanguage(toolkit, locale, page) })),
    { slug: DOWNLOADS_SLUG, href: urls.page(locale.code, DOWNLOADS_SLUG), label: locale.ui.downloads ?? 'Downloads' },
  ];
}

/** The header, menu, help box and footer of one page. */
export function buildChrome({ toolkit, locale, slug, urls }: ChromeTarget): SiteChrome {
  const ui = locale.ui;
  const helpPage = findPageWith(locale.pages, 'hotline-list');
  return {
    ui: {
      skipToContent: ui.skipToContent!,
      leaveSite: ui.leaveSite!,
      leaveSiteHint: ui.leaveSiteHint!,
      leaveSitePrivacy: ui.leaveSitePrivacy!,
      zipNotice: ui.zipNotice!,
      mainNavigation: ui.mainNavigation!,
      language: ui.language!,
      menu: ui.menu!,
      getHelp: ui.getHelp!,
      pageNavigation: ui.pageNavigation!,
      previous: ui.previous!,
      next: ui.next!,
      onThisPage: ui.onThisPage!,
    },
    siteTitle: locale.title,
    homeHref: urls.page(locale.code, ''),
    helpHref: helpPage ? urls.page(locale.code, helpPage.slug) : '#kp-help',
    nav: menuItems(toolkit, locale, urls).map(({ slug: itemSlug, ...link }) => ({ ...link, current: itemSlug === slug })),
    languages: languageLinks(toolkit, locale, slug, urls),
    helpHtml: helpBox(locale, helpPage, urls),
    footerHtml: footer(toolkit, locale, urls),
    ...brandChrome(toolkit, locale, urls),
  };
}

/** The branding parts of the frame: quick exit, logo and stylesheets. */
function brandChrome(toolkit: Toolkit, locale: Locale, urls: Urls): Pick<SiteChrome, 'neutralUrl' | 'quickExit' | 'logo' | 'brandCss' | 'customCss'> {
  const { branding } = toolkit;
  const pick = (map: Record<string, string> | undefined) => map?.[locale.code] ?? map?.[toolkit.defaultLocale];
  const exit = branding.quickExit;
  return {
    neutralUrl: exit ? exit.url : NEUTRAL_URL,
    quickExit: exit !== false,
    logo: branding.logo ? { src: urls.href(`assets/${branding.logo.file}`), alt: pick(branding.logo.alt) ?? toolkit.organisation.name } : undefined,
    brandCss: branding.primary || branding.accent ? [urls.href(BRAND_CSS)] : [],
    customCss: branding.customCss ? urls.href(`assets/${branding.customCss}`) : undefined,
  };
}

/** The stylesheet of the branding colours, at the site root. */
export const BRAND_CSS = 'brand.css';

/** The branding colours as CSS custom properties (more specific than the theme's `:root`). */
export function brandStylesheet(toolkit: Toolkit): string | undefined {
  const { primary, accent } = toolkit.branding;
  if (!primary && !accent) return undefined;
  const rules = [primary ? `  --brand: ${primary};\n  --important: ${primary};` : '', accent ? `  --link: ${accent};` : ''].filter(Boolean).join('\n');
  return `/* Colours from branding in kitpress.yaml. */\n:root:root {\n${rules}\n}\n`;
}

/** `lang` and `dir` for a page title shown in another language than the locale's (fallback pages). */
export function labelLanguage(toolkit: Toolkit, locale: Locale, page: Page): Pick<SiteLink, 'lang' | 'dir'> {
  if (page.contentLocale === locale.code) return {};
  const content = toolkit.locales.find((l) => l.code === page.contentLocale);
  return content ? { lang: content.lang, dir: content.dir } : {};
}

/** The same page in every language (the language's home page when it lacks the page). */
export function languageLinks(toolkit: Toolkit, current: Locale, slug: string | undefined, urls: Urls): LanguageLink[] {
  if (toolkit.locales.length < 2) return [];
  return toolkit.locales.map((locale) => {
    const has = slug === DOWNLOADS_SLUG || slug === 'search' || (slug !== undefined && locale.pages.some((p) => p.slug === slug));
    return {
      href: urls.page(locale.code, has ? slug! : ''),
      label: locale.name,
      lang: locale.lang,
      dir: locale.dir,
      current: locale.code === current.code,
    };
  });
}

/** "Get help now": the primary hotlines with call and text links, and the way to every other one. */
function helpBox(locale: Locale, helpPage: Page | undefined, urls: Urls): string {
  const ui = locale.ui;
  const primary = locale.hotlines.filter((line) => line.primary);
  return html(
    h('h2', { id: 'kp-help-title' }, ui.getHelp),
    h('ul', { className: ['help-lines'], role: 'list' }, primary.map((line) =>
      h('li', {},
        h('p', { className: ['hotline-name'], dir: 'auto' }, h('strong', {}, line.label)),
        line.hours ? h('p', { className: ['hotline-hours'], dir: 'auto' }, line.hours) : null,
        h('p', { className: ['contacts'] }, contactLinks(line, ui))))),
    ui.hotlinesArea ? h('p', { className: ['hotlines-area'] }, ui.hotlinesArea) : null,
    helpPage ? h('p', { className: ['more-help'] }, h('a', { href: urls.page(locale.code, helpPage.slug) }, ui.moreHelp)) : null,
  );
}

function footer(toolkit: Toolkit, locale: Locale, urls: Urls): string {
  const ui = locale.ui;
  const { licence, organisation } = toolkit;
  const contentLicence = licence.contentUrl ? h('a', { href: licence.contentUrl, rel: ['license'] }, licence.content) : licence.content;
  const line = toolkit.branding.footer?.[locale.code] ?? toolkit.branding.footer?.[toolkit.defaultLocale];
  return html(
    line ? h('p', { className: ['footer-line'], dir: 'auto' }, line) : null,
    h('p', {}, organisation.url ? h('a', { href: organisation.url }, organisation.name) : organisation.name,
      organisation.email ? [' · ', h('a', { href: `mailto:${organisation.email}` }, organisation.email)] : null),
    h('p', {}, fillTemplate(ui.footerLicence ?? '', { licence: contentLicence, codeLicence: licence.code })),
    h('p', {}, fillTemplate(ui.footerVersion ?? '', { version: toolkit.version, date: formatDate(toolkit.date, locale.lang) })),
    // The search page lists every page and section: the way in for a reader without JavaScript too.
    h('p', {}, h('a', { href: urls.page(locale.code, 'search', 'every-page') }, ui.searchEveryPage)),
  );
}
