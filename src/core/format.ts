import type { UiStrings } from './model.ts';

/** Number formats by language and unit: making one costs far more than formatting with it. */
const byteFormats = new Map<string, Intl.NumberFormat>();

function byteFormat(lang: string, unit: 'byte' | 'kilobyte' | 'megabyte', fractionDigits: number): Intl.NumberFormat {
  const key = `${lang}|${unit}|${fractionDigits}`;
  let format = byteFormats.get(key);
  if (!format) byteFormats.set(key, (format = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: fractionDigits })));
  return format;
}

/** A file size as people read it in their language: "84 kB", "2.4 MB". */
export function formatBytes(bytes: number, lang: string): string {
  const units = [
    { unit: 'megabyte', size: 1_000_000 },
    { unit: 'kilobyte', size: 1_000 },
  ] as const;
  const pick = units.find((u) => bytes >= u.size);
  if (!pick) return byteFormat(lang, 'byte', 3).format(bytes);
  const value = bytes / pick.size;
  return byteFormat(lang, pick.unit, value < 10 ? 1 : 0).format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A fixed `YYYY-MM-DD` date written out in the language ("22 November 2026"). */
export function formatDate(date: string, lang: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.valueOf())) return date;
  // Note: making an Intl formatter costs far more than using one, and every page prints dates.
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(parsed);
}

/** What separates the facts about a file: a middle dot, which reads the same in every script. */
export const FACT_SEPARATOR = ' · ';

/**
 * Short facts about a file as a list of separate items: "PDF · 2 pages · 84 kB".
 * Note: not `Intl.ListFormat`: even its `unit` lists join the last two items with a conjunction
 * in some languages ("ZIP y 967 kB" in Spanish, "ZIP و967 kB" in Arabic), and these are not a sentence.
 */
export function fileFacts(facts: string[]): string {
  return facts.filter(Boolean).join(FACT_SEPARATOR);
}

/**
 * The items of a short list joined as the locale writes them (its `listSeparator` interface
 * word): "911, report.cybertip.org", "911، report.cybertip.org", "911、report.cybertip.org".
 * Note: not `Intl.ListFormat` either: its Arabic lists add "و" (and), its Chinese unit lists have no separator.
 */
export function joinItems(ui: UiStrings, items: readonly string[]): string {
  return items.join(ui.listSeparator ?? ', ');
}

const keypad = ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'];

/** The digits a phone number dials: keypad letters become their digits (1-800-CALL-FBI: 18002255324). */
export function dialDigits(phone: string): string {
  return phone
    .toUpperCase()
    .replace(/[A-Z]/g, (letter) => String(keypad.findIndex((keys) => keys.includes(letter)) + 2))
    .replace(/[^\d+]/g, '');
}

/** A web address as people read it: host and path, without `https://`, `www.` or a trailing slash. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '');
    return `${parsed.host.replace(/^www\./, '')}${path}${parsed.search}`;
  } catch {
    return url;
  }
}

/**
 * The short form of a source name for a citation in running text: the abbreviation when the
 * name gives one ("… Children (NCMEC)" and "NSPCC (National Society …)" give NCMEC, NSPCC).
 * The sources page shows the full name.
 */
export function shortName(name: string): string {
  const match = /^(.*?)\s*\(([^()]+)\)$/.exec(name.trim());
  if (!match) return name;
  const [, before, inside] = match as unknown as [string, string, string];
  const isAbbreviation = (text: string) => /^[\p{Lu}\d&.-]{2,12}$/u.test(text);
  if (isAbbreviation(inside)) return inside;
  if (isAbbreviation(before)) return before;
  return name;
}
