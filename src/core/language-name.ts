/**
 * The name of a language in the reader's language: `languageName('es', 'en')` is "inglés",
 * `languageName('ar', 'en')` "الإنجليزية". Falls back to the code when the runtime has no name.
 */
export function languageName(readerLang: string, lang: string): string {
  try {
    return new Intl.DisplayNames([readerLang], { type: 'language', fallback: 'code' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
