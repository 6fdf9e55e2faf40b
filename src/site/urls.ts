import type { Toolkit } from '../core/model.ts';
import { routePath } from '../core/outputs.ts';

/** The slug of the downloads page Kitpress makes for every locale. */
export const DOWNLOADS_SLUG = 'downloads';

/** The path part of the site URL, always starting and ending with `/` (e.g. `/safer-online/`). */
export function basePath(siteUrl: string): string {
  const path = new URL(siteUrl).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}


/** Tools that turn site-relative paths into the links a page writes. */
export interface Urls {
  /** `/safer-online/` */
  base: string;
  /** A root-absolute link to a path relative to the site root, with an optional anchor. */
  href(path: string, anchor?: string): string;
  /** The full public URL of a path relative to the site root. */
  absolute(path: string): string;
  /** The link to a page of a locale. */
  page(locale: string, slug: string, anchor?: string): string;
}

/** URL helpers for a toolkit, honouring the sub-path it is hosted at. */
export function createUrls(toolkit: Toolkit): Urls {
  const base = basePath(toolkit.siteUrl);
  const href = (path: string, anchor?: string) => `${base}${path}${anchor ? `#${anchor}` : ''}`;
  return {
    base,
    href,
    absolute: (path) => new URL(path, toolkit.siteUrl).href,
    page: (locale, slug, anchor) => href(routePath(toolkit, locale, slug), anchor),
  };
}
