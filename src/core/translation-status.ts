import type { Locale, Toolkit, UiStrings } from './model.ts';
import type { UiFile } from './read-ui.ts';
import type { Diagnostics } from './diagnostics/diagnostic.ts';

/** How far one locale's translation has come. */
export interface LocaleStatus {
  code: string;
  name: string;
  isDefault: boolean;
  pages: number;
  translated: string[];
  missing: string[];
  outdated: string[];
  drafts: string[];
  handoutsComplete: number;
  handouts: number;
  uiReview: string;
  missingStrings: string[];
  structureWarnings: number;
  /** Each source page's current version (what `translate accept` records as `translation.source`). */
  sourceHashes: Record<string, string>;
}

/** Works out the translation status of every locale from the model and the ui files. */
export function translationStatus(toolkit: Toolkit, uiFiles: Map<string, UiFile>, diagnostics: Diagnostics, builtInUi: UiStrings): LocaleStatus[] {
  const source = toolkit.locales.find((l) => l.isDefault)!;
  const baseKeys = Object.keys(builtInUi);
  const sourceHashes = Object.fromEntries(source.pages.map((p) => [p.file.replace(`${source.code}/`, ''), p.sourceHash]));
  return toolkit.locales.map((locale: Locale) => {
    const own = locale.pages.filter((p) => !p.fallback);
    const handoutPages = locale.pages.filter((p) => p.handout);
    const written = uiFiles.get(locale.code)?.strings ?? {};
    return {
      code: locale.code,
      name: locale.name,
      isDefault: locale.isDefault,
      pages: locale.pages.length,
      translated: own.map((p) => p.file),
      missing: locale.pages.filter((p) => p.fallback).map((p) => `${locale.code}/${p.file.split('/').pop()}`),
      outdated: own.filter((p) => p.translation?.outdated).map((p) => p.file),
      drafts: own.filter((p) => p.translation?.review === 'draft').map((p) => p.file),
      handoutsComplete: handoutPages.filter((p) => !p.fallback && !p.translation?.outdated).length,
      handouts: handoutPages.length,
      uiReview: locale.review,
      missingStrings: missingUiKeys(locale.lang, written, baseKeys),
      structureWarnings: diagnostics.list.filter((d) => d.ruleId === 'translation-structure' && d.place.file.startsWith(`${locale.code}/`)).length,
      sourceHashes,
    };
  });
}

/** Interface keys a locale's ui file lacks: English words are built in; any other language must write every key. */
export function missingUiKeys(lang: string, written: UiStrings, baseKeys: readonly string[]): string[] {
  return lang.startsWith('en') ? [] : baseKeys.filter((k) => !k.includes('.') && !(k in written));
}

/** True when a locale has a gap that `status --strict` fails on. */
export function hasGap(status: LocaleStatus): boolean {
  return status.missing.length + status.outdated.length + status.missingStrings.length + status.structureWarnings > 0;
}
