import type { Locale } from '../core/model.ts';
import { pluralUi } from '../core/plural.ts';
import { fillPlaceholders } from '../core/fill-placeholders.ts';

/** An interface string of a locale with `{placeholders}` filled in (in its plural form for `count`); a missing key is a bug. */
export function uiText(locale: Locale, key: string, values: Record<string, string | number> = {}, count?: number): string {
  const template = count === undefined ? locale.ui[key] : pluralUi(locale.ui, locale.lang, key, count);
  if (template === undefined) throw new Error(`The interface string "${key}" is missing for ${locale.code}; add it to src/core/ui/en.yaml (the built-in English words).`);
  return fillPlaceholders(template, values);
}

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
