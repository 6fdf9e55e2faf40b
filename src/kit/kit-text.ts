import type { Locale } from '../core/model.ts';

/** An interface string of a locale with `{placeholders}` filled in; a missing key is a bug. */
export function uiText(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  const template = locale.ui[key];
  if (template === undefined) throw new Error(`The interface string "${key}" is missing for ${locale.code}; add it to src/core/ui/en.yaml (the built-in English words).`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A file size for people, in the locale's number format, e.g. `126 kB` or `1.2 MB`. */
export function formatBytes(bytes: number, lang: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, bytes / 1000), 'kilobyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
