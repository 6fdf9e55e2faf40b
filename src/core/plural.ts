import type { UiStrings } from './model.ts';

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The form of an interface string for a count: `key.one`, `key.few`... chosen by the
 * language's plural rules (Intl.PluralRules), else the plain `key`, which is the general form.
 */
export function pluralUi(ui: UiStrings, lang: string, key: string, count: number): string | undefined {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const category = rules.select(count);
  return ui[`${key}.${category}`] ?? ui[key];
}
