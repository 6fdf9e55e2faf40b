import type { Toolkit } from '../core/model.ts';
import type { ListedHandout } from '../core/outputs.ts';

/** A link in the menu, the language switcher or the previous/next links. */
export interface SiteLink {
  href: string;
  label: string;
  current?: boolean;
  /** Set when the label is in another language than the page (a fallback page's title). */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/** A link to the same page in another language. */
export interface LanguageLink extends SiteLink {
  /** BCP 47 tag of the target language. */
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** The frame around every page of a locale: header, menu, help box, footer. */
export interface SiteChrome {
  /** Interface strings the layout prints directly. */
  ui: {
    skipToContent: string;
    leaveSite: string;
    leaveSiteHint: string;
    leaveSitePrivacy: string;
    zipNotice: string;
    mainNavigation: string;
    language: string;
    menu: string;
    getHelp: string;
    pageNavigation: string;
    previous: string;
    next: string;
    onThisPage: string;
  };
  siteTitle: string;
  homeHref: string;
  /** The page that lists every hotline, or the help box when there is none. */
  helpHref: string;
  nav: SiteLink[];
  languages: LanguageLink[];
  /** Primary hotlines box (HTML). */
  helpHtml: string;
  footerHtml: string;
  /** Where the quick exit goes; the offline kit may point it at a local page. */
  neutralUrl: string;
  /** False when the toolkit turned the quick exit off (`branding.quickExit: false`). */
  quickExit: boolean;
  /** The organisation's logo in the header (`branding.logo`). */
  logo: { src: string; alt: string } | undefined;
  /** Stylesheets after the fonts: the branding colours. */
  brandCss: string[];
  /** The organisation's own stylesheet, loaded after the theme. */
  customCss: string | undefined;
}

/** One page of the built site, ready for the layout: every text chosen, every link made. */
export interface SiteRoute {
  kind: 'page' | 'downloads' | 'search' | 'not-found';
  /** The rest parameter of `src/pages/[...path].astro`: `undefined` for the root. */
  param: string | undefined;
  /** Folder relative to the site root, e.g. `es/signs/` (`''` for the home page). */
  path: string;
  locale: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Class on `<html>` choosing the locale's font. */
  fontClass: string;
  /** Font stylesheets (links), the locale's and, on a fallback page, the content's. */
  fontCss: string[];
  documentTitle: string;
  description: string;
  canonical: string | undefined;
  /** `<link rel="alternate" hreflang>` entries, including this page and `x-default`. */
  alternates: { hreflang: string; href: string }[];
  /** Content-Security-Policy for the meta tag. */
  csp: string;
  /** The site's classic script (search, offline save), root-absolute; the kits rewrite it. */
  scriptSrc: string;
  /** The search form of the header (HTML); empty on the search page, which has its own. */
  searchHtml: string;
  title: string;
  /** Set when the title and body are in another language than the page (fallback pages). */
  contentLang: { lang: string; dir: 'ltr' | 'rtl'; fontClass: string } | undefined;
  /** Fallback, draft and outdated notices, as HTML in the reader's language. */
  noticesHtml: string[];
  /** Links to the page's sections ("On this page"); empty for short pages. */
  toc: SiteLink[];
  /** What the page says before its first section (shown above the list of sections). */
  introHtml: string;
  bodyHtml: string;
  prev: SiteLink | undefined;
  next: SiteLink | undefined;
  chrome: SiteChrome;
}

/** What the Astro pages read: the toolkit model, the handouts, and every route prepared from them. */
export interface SiteModel {
  toolkit: Toolkit;
  handouts: ListedHandout[];
  routes: SiteRoute[];
  notFound: SiteRoute;
  /** The classic inline script of the quick exit (its hash is in every page's CSP). */
  quickExitScript: string;
}
