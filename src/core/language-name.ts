/** One `Intl.DisplayNames` per reader language: making one costs about 20 ms (ICU loads its tables each time). */
const displayNames = new Map<string, Intl.DisplayNames | null>();

/**
 * The name of a language in the reader's language: `languageName('es', 'en')` is "inglés",
 * `languageName('ar', 'en')` "الإنجليزية". Falls back to the code when the runtime has no name.
 */
export function languageName(readerLang: string, lang: string): string {
  let names = displayNames.get(readerLang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([readerLang], { type: 'language', fallback: 'code' });
    } catch {
      names = null;
    }
    displayNames.set(readerLang, names);
  }
  try {
    return names?.of(lang) ?? lang;
  } catch {
    return lang;
  }
}
