import type { Locale, Page } from '../core/model.ts';

/** ARABIC LETTER MARK: zero width, right to left, draws nothing. */
const ALM = '\u061c';

/** An Arabic letter that follows anything but another Arabic letter: where a line or a styled run can start. */
const WORD_START = /(?<!\p{Script=Arabic})(?=\p{L})(?=\p{Script=Arabic})/gu;

/** Keys of the model whose strings are printed. */
const PRINTED = new Set(['value', 'title', 'label', 'description', 'hours', 'name', 'alt', 'smsBody']);

/**
 * Puts an Arabic letter mark before every Arabic word.
 * Note: Noto Sans Arabic draws dotted letters as a base glyph plus dot glyphs, and react-pdf
 * 4.9 drops the base glyph of the first letter of every line and styled run (textkit's
 * `glyphIndexAt` returns the last glyph of a decomposed letter). With the mark in front,
 * the line starts at the mark instead and every letter keeps its shape.
 */
export function guardArabicWords(text: string): string {
  return text.replace(WORD_START, ALM);
}

/** Removes the marks again (for metadata and text that is not drawn). */
export function unguardArabicWords(text: string): string {
  return text.replaceAll(ALM, '');
}

function guardTree<T>(value: T): T {
  if (Array.isArray(value)) return value.map(guardTree) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, typeof v === 'string' && PRINTED.has(key) ? guardArabicWords(v) : guardTree(v)]),
    ) as T;
  }
  return value;
}

/** A copy of a locale and page whose printed strings (text, titles, labels, interface words) are guarded. */
export function guardArabicText(locale: Locale, page: Page): { locale: Locale; page: Page } {
  if (!/\p{Script=Arabic}/u.test(JSON.stringify([locale.ui, locale.title, locale.hotlines, locale.sources, page]))) return { locale, page };
  const ui = Object.fromEntries(Object.entries(locale.ui).map(([key, text]) => [key, guardArabicWords(text)]));
  return { locale: { ...guardTree(locale), ui, pages: locale.pages }, page: guardTree(page) };
}
