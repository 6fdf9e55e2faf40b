/**
 * Languages written in more than one script, where a `lang` tag without the script leaves
 * browsers, screen readers and PDF readers to guess the letters (Chinese: Simplified or
 * Traditional; Serbian: Cyrillic or Latin). Their derived tag names the script.
 */
const MULTI_SCRIPT = new Set(['zh', 'sr', 'bs', 'uz', 'az', 'pa', 'sd', 'ks', 'mn', 'ms', 'ku', 'ha']);

/**
 * The BCP 47 tag of a locale for `lang` attributes and PDF metadata: the configured `lang` if
 * there is one, else the code, with the likely script added (CLDR, via Intl.Locale.maximize) for
 * languages written in several scripts: `zh` is `zh-Hans`, `zh-TW` is `zh-Hant-TW`, `en` stays `en`.
 */
export function languageTag(code: string, configured?: string): string {
  if (configured) return configured;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(code);
  } catch {
    return code;
  }
  if (locale.script || !MULTI_SCRIPT.has(locale.language)) return code;
  const script = locale.maximize().script;
  if (!script) return code;
  return [locale.language, script, ...(locale.region ? [locale.region] : []), ...code.split('-').slice(locale.region ? 2 : 1)].join('-');
}
