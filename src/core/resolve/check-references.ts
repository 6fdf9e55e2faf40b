import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { Locale } from '../model.ts';
import { checkImages } from './check-images.ts';
import { forEachInline } from '../walk.ts';
import { textUnits } from '../lint/text-units.ts';
import type { PageFile } from '../read-pages.ts';

/** Checks hotline and source ids, page links and anchors, and images of every page of a locale. */
export function checkReferences(locale: Locale, files: Map<string, PageFile>, contentDir: string, diagnostics: Diagnostics): void {
  const hotlines = new Map(locale.hotlines.map((h) => [h.id, h]));
  const sources = new Set(locale.sources.map((s) => s.id));
  const pages = new Map(locale.pages.map((p) => [p.slug, p]));
  // Compared as digits, so `(800) 555-0143`, `800.555.0143` and `+1 800 555 0143` all match `800-555-0143`.
  const typedNumbers = locale.hotlines.flatMap((h) => [h.phone, h.sms].filter((n): n is string => !!n)).map((n) => ({ number: n, digits: keypadDigits(n) })).filter((n) => n.digits.length >= 3);
  for (const page of locale.pages) {
    // A fallback page was checked as part of its own locale.
    if (page.fallback) continue;
    forEachInline(page.blocks, (inline) => {
      switch (inline.type) {
        case 'hotline': {
          const hotline = hotlines.get(inline.id);
          if (!hotline) diagnostics.report('hotline-unknown', { id: inline.id }, inline.position);
          else if (inline.show !== 'all' && !hotline[inline.show]) {
            diagnostics.report('hotline-contact-missing', { id: inline.id, contact: inline.show }, inline.position);
          }
          break;
        }
        case 'citation':
          if (!sources.has(inline.id)) diagnostics.report('source-unknown', { id: inline.id }, inline.position);
          break;
        case 'page-link': {
          if (inline.slug === '\0self') inline.slug = page.slug;
          const target = pages.get(inline.slug);
          if (!target) {
            diagnostics.report('link-page-missing', { case: 'page', slug: inline.slug, locale: locale.code }, inline.position);
          } else if (inline.anchor && !files.get(target.file)?.headingIds.has(inline.anchor)) {
            diagnostics.report('link-heading-missing', { file: target.file, anchor: inline.anchor }, inline.position);
          }
          break;
        }
        default:
          break;
      }
    });
    // Every run of text: a number typed into a heading, a block title or a table cell is as hard to correct.
    for (const unit of textUnits(page.blocks, 'all')) {
      const runs = [...unit.text.matchAll(/(?<![\w.])\+?\(?\d[\d ().-]*\d(?![\w])|(?<![\w.])\d{3,}(?![\w])/g)].map((m) => m[0].replace(/\D/g, ''));
      for (const { number, digits } of typedNumbers) {
        if (runs.some((run) => run === digits || sameNumber(run, digits))) {
          diagnostics.report('hotline-number-typed', { number }, unit.position);
        }
      }
    }
    checkImages(page.blocks, contentDir, diagnostics);
  }
}

/** The digits a number dials, keypad letters included (1-800-CALL-FBI). */
function keypadDigits(number: string): string {
  const keypad = '22233344455566677778889999';
  return number.toUpperCase().replace(/[A-Z]/g, (c) => keypad[c.charCodeAt(0) - 65]!).replace(/\D/g, '');
}

/** Equal digits, or equal but for a country code of up to three digits on either side (1-800-… and 800-…). */
function sameNumber(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 7 && long.endsWith(short) && long.length - short.length <= 3;
}
