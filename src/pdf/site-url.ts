import type { Locale, Page, Toolkit } from '../core/model.ts';
import { publicPageUrl } from '../core/outputs.ts';

/** The address of a page on the hosted site, e.g. `https://example.org/kit/es/signs/`. */
export function pageUrl(toolkit: Toolkit, locale: Locale, page: Page): string {
  return publicPageUrl(toolkit, locale.code, page.slug);
}

/** An address as a person types it: without `https://`, `mailto:` or `tel:`. */
export function shortUrl(url: string): string {
  return url.replace(/^(https?:\/\/|mailto:|tel:)/i, '');
}
