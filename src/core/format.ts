/** A file size as people read it in their language: "84 kB", "2.4 MB". */
export function formatBytes(bytes: number, lang: string): string {
  const units = [
    { unit: 'megabyte', size: 1_000_000 },
    { unit: 'kilobyte', size: 1_000 },
  ] as const;
  const pick = units.find((u) => bytes >= u.size);
  if (!pick) return new Intl.NumberFormat(lang, { style: 'unit', unit: 'byte', unitDisplay: 'short' }).format(bytes);
  const value = bytes / pick.size;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: pick.unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** A fixed `YYYY-MM-DD` date written out in the language ("22 November 2026"). */
export function formatDate(date: string, lang: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.valueOf())) return date;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}

/** Short facts about a file joined as the language joins them: "PDF, 2 pages, 84 kB". */
export function fileFacts(lang: string, facts: string[]): string {
  return new Intl.ListFormat(lang, { type: 'unit', style: 'short' }).format(facts);
}
