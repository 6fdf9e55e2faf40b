import type { HandoutKind, Locale, PaperSize, Toolkit } from './model.ts';

/** One PDF the handout writer produced; the site's downloads page and the kits list these. */
export interface HandoutFile {
  locale: string;
  /** Slug of the page the handout prints. */
  slug: string;
  kind: HandoutKind;
  title: string;
  paper: PaperSize;
  /** Path relative to the site root, with forward slashes, e.g. `pdf/en/signs-checklist-letter.pdf`. */
  path: string;
  bytes: number;
  pages: number;
  /** Body font size the handout fitted at (pt). */
  fontSize: number;
  /** A picture of the first page, shared by every paper size of the handout (set once drawn). */
  preview?: HandoutPreview | undefined;
}

/** A small picture of a handout's first page, for the downloads page. */
export interface HandoutPreview {
  /** Path relative to the site root, e.g. `pdf/en/signs-checklist-preview.png`. */
  path: string;
  width: number;
  height: number;
  bytes: number;
}

/**
 * A handout as the site lists it: known before it is printed except for its page count, size
 * and preview size, which the site fills in once it is (see src/site/pdf-facts.ts).
 */
export type ListedHandout = Omit<HandoutFile, 'bytes' | 'pages' | 'fontSize'> & Partial<Pick<HandoutFile, 'bytes' | 'pages' | 'fontSize'>>;

/** Width of a handout preview in pixels: shown at half that in CSS pixels, so it is sharp on high-density screens. */
export const PREVIEW_WIDTH = 300;

/** Where the preview of a handout is written, one for every paper size: `pdf/en/signs-checklist-letter.pdf` -> `pdf/en/signs-checklist-preview.png`. */
export function previewPath(file: Pick<HandoutFile, 'path' | 'paper'>): string {
  return file.path.replace(new RegExp(`-${file.paper}\\.pdf$`), '-preview.png');
}

/** One facilitator guide PDF: every page of a locale's toolkit, on one paper size. */
export interface GuideFile {
  locale: string;
  paper: PaperSize;
  /** Path relative to the site root, e.g. `pdf/en/facilitator-guide-letter.pdf`. */
  path: string;
  bytes: number;
  pages: number;
}

/** A facilitator guide as the site lists it before it is printed (see `ListedHandout`). */
export type ListedGuide = Omit<GuideFile, 'bytes' | 'pages'> & Partial<Pick<GuideFile, 'bytes' | 'pages'>>;

/** The file name a locale's facilitator guide is written under (a handout may not take it). */
export const GUIDE_FILE = 'facilitator-guide';

/** Where a locale's facilitator guide is written, relative to the site root. */
export function guidePath(locale: string, paper: PaperSize): string {
  return `pdf/${locale}/${GUIDE_FILE}-${paper}.pdf`;
}

/** One offline kit zip. */
export interface KitFile {
  /** A locale code, or `all`. */
  locale: string;
  /** Path relative to the site root, e.g. `kits/safer-online-en.zip`. */
  path: string;
  bytes: number;
}

/** Where a handout for a locale and paper size is written, relative to the site root. */
export function handoutPath(locale: string, file: string, paper: PaperSize): string {
  return `pdf/${locale}/${file}-${paper}.pdf`;
}

/** Where a kit is written, relative to the site root. */
export function kitPath(toolkitName: string, locale: string): string {
  return `kits/${toolkitName}-${locale}.zip`;
}

/** A page's folder relative to the site root: `''`, `signs/`, `es/` or `es/signs/` (the default locale is at the root). */
export function routePath(toolkit: Toolkit, locale: string, slug: string): string {
  const prefix = locale === toolkit.defaultLocale ? '' : `${locale}/`;
  return slug ? `${prefix}${slug}/` : prefix;
}

/** The folder of the site's own classic scripts, relative to the site root. */
export const SCRIPT_FOLDER = 'js';

/** Site path of a locale's search index, named by `hash` of its contents: `js/search-es-1a2b3c4d5e.js`. */
export function searchIndexPath(locale: string, hash: string): string {
  return `${SCRIPT_FOLDER}/search-${locale}-${hash}.js`;
}

/** The locale (of `locales`) whose search index is at a site path, if it is one. */
export function searchIndexLocale(path: string, locales: readonly string[]): string | undefined {
  return locales.find((code) => {
    const prefix = `${SCRIPT_FOLDER}/search-${code}-`;
    return path.startsWith(prefix) && /^[0-9a-f]{10}\.js$/.test(path.slice(prefix.length));
  });
}

/** The public address of a page on the hosted site, e.g. `https://example.org/kit/es/signs/`. */
export function publicPageUrl(toolkit: Toolkit, locale: string, slug: string): string {
  return toolkit.siteUrl + routePath(toolkit, locale, slug);
}

/** The handout files a locale offers: its own, and the source language's for each page it shows untranslated. */
export function offeredHandouts<T extends Pick<HandoutFile, 'locale' | 'slug'>>(locale: Locale, handouts: readonly T[]): T[] {
  const fallback = new Map(locale.pages.filter((p) => p.fallback && p.handout).map((p) => [p.slug, p.contentLocale]));
  return handouts.filter((file) => file.locale === locale.code || fallback.get(file.slug) === file.locale);
}
