import type { UiStrings } from './model.ts';

/**
 * The form of an interface string for a count: `key.one`, `key.few`... chosen by the
 * language's plural rules (Intl.PluralRules), else the plain `key`, which is the general form.
 */
export function pluralUi(ui: UiStrings, lang: string, key: string, count: number): string | undefined {
  const category = new Intl.PluralRules(lang).select(count);
  return ui[`${key}.${category}`] ?? ui[key];
}
