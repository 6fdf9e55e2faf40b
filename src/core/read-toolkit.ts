import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Diagnostics } from './diagnostics/diagnostic.ts';
import type { Toolkit, Locale, UiStrings } from './model.ts';
import { readConfig } from './config/read-config.ts';
import { configUrls } from './config/config-urls.ts';
import { checkSiteLinks } from './resolve/check-site-links.ts';
import type { PageCache, PageFile } from './read-pages.ts';
import type { UiFile } from './read-ui.ts';
import { RESERVED_SLUGS } from './reserved-names.ts';
import { GUIDE_FILE } from './outputs.ts';

/** What reading a content folder gives: the model (when there is no error) and every diagnostic. */
export interface ReadResult {
  toolkit: Toolkit | undefined;
  diagnostics: Diagnostics;
  /** Interface files as written, per locale (the status report compares them). */
  uiFiles: Map<string, UiFile>;
  /** Kitpress's built-in interface words (English). */
  builtInUi: UiStrings;
}

/**
 * Reads a content folder into the model: the configuration, every page of every
 * locale (parsed once), the interface strings; then fills fallbacks and checks references.
 * With a `cache`, pages whose text did not change since the last read are not parsed again.
 */
export async function readToolkit(contentDir: string, options: { cache?: PageCache } = {}): Promise<ReadResult> {
  const diagnostics = new Diagnostics();
  const root = resolve(contentDir);
  const config = await readConfig(root, diagnostics);
  const uiFiles = new Map<string, UiFile>();
  if (!config) return { toolkit: undefined, diagnostics, uiFiles, builtInUi: {} };
  // Note: the Markdown reader (unified, micromark) and the checks load only once there is a config, which keeps `check` quick to start.
  const [{ readLocalePages }, { builtInUi, readUi, reportEmptyUiKeys, reportUnknownUiKeys }, { buildLocale }, { missingUiKeys }, { checkReferences }, { checkTranslation }] = await Promise.all([
    import('./read-pages.ts'),
    import('./read-ui.ts'),
    import('./resolve/build-locale.ts'),
    import('./translation-status.ts'),
    import('./resolve/check-references.ts'),
    import('./resolve/check-translation.ts'),
  ]);

  const pagesByLocale = new Map<string, PageFile[]>();
  for (const locale of config.locales) {
    const pages = await readLocalePages(root, locale.code, diagnostics, options.cache);
    // Note: an index.md that could not be read (bad encoding) was already reported at its place.
    if (!pages.some((p) => p.slug === '') && locale.code === config.defaultLocale && !existsSync(join(root, locale.code, 'index.md'))) {
      diagnostics.report('locale-empty', { code: locale.code }, { file: `${locale.code}/index.md`, line: 0, column: 0 });
    }
    pagesByLocale.set(locale.code, pages);
    uiFiles.set(locale.code, await readUi(root, locale.code, diagnostics));
  }
  reportDuplicateHandouts(pagesByLocale, diagnostics);
  reportReservedSlugs(pagesByLocale, config.defaultLocale, diagnostics);

  // Every locale starts from the built-in English words, then the default locale's, then its own.
  const builtIn = await builtInUi();
  const base: UiStrings = { ...builtIn, ...(uiFiles.get(config.defaultLocale)?.strings ?? {}) };
  const sourcePages = pagesByLocale.get(config.defaultLocale) ?? [];
  const files = new Map([...pagesByLocale.values()].flat().map((p) => [p.file, p]));
  const locales: Locale[] = [];
  // The default locale first: fallback pages share its checked blocks.
  const ordered = [...config.locales].sort((a, b) => Number(b.code === config.defaultLocale) - Number(a.code === config.defaultLocale));
  for (const localeConfig of ordered) {
    const ui = uiFiles.get(localeConfig.code)!;
    reportUnknownUiKeys(localeConfig.code, ui, builtIn, diagnostics);
    reportEmptyUiKeys(ui, diagnostics);
    const missing = missingUiKeys(localeConfig.code, ui.strings, Object.keys(builtIn));
    if (missing.length) {
      diagnostics.report('ui-missing', { language: localeConfig.name, code: localeConfig.code, keys: missing }, { file: `ui/${localeConfig.code}.yaml`, line: 1, column: 1 });
    }
    const locale = buildLocale({
      config,
      code: localeConfig.code,
      pages: pagesByLocale.get(localeConfig.code) ?? [],
      sourcePages,
      ui: { ...base, ...ui.strings },
      review: ui.review ?? 'draft',
    });
    checkReferences(locale, files, root, diagnostics);
    locales.push(locale);
  }
  const source = locales[0]!;
  for (const locale of locales.slice(1)) checkTranslation(locale, source, diagnostics);
  // Keep the configured locale order for the writers.
  locales.sort((a, b) => config.locales.findIndex((l) => l.code === a.code) - config.locales.findIndex((l) => l.code === b.code));

  const toolkit: Toolkit = {
    name: config.name,
    version: config.version,
    date: config.date,
    siteUrl: config.site.url,
    organisation: config.organisation,
    defaultLocale: config.defaultLocale,
    paper: config.paper,
    licence: config.licence,
    locales,
    branding: config.branding,
  };
  // What the offline kits would refuse (a link into the site that names nothing) is found here, with its place.
  checkSiteLinks(toolkit, configUrls(config), diagnostics);
  return { toolkit: diagnostics.hasErrors ? undefined : toolkit, diagnostics, uiFiles, builtInUi: builtIn };
}

/** A page whose address is a folder Kitpress makes, or (in the default locale) a language folder. */
function reportReservedSlugs(pagesByLocale: Map<string, PageFile[]>, defaultLocale: string, diagnostics: Diagnostics): void {
  const codes = [...pagesByLocale.keys()];
  for (const [code, pages] of pagesByLocale) {
    for (const page of pages) {
      if (page.slug === '') continue;
      const folder = (RESERVED_SLUGS as readonly string[]).includes(page.slug);
      const language = code === defaultLocale && codes.includes(page.slug);
      if (folder || language) {
        diagnostics.report('slug-reserved', { file: page.file, slug: page.slug, language: !folder, reserved: [...RESERVED_SLUGS, ...codes] }, { file: page.file, line: 1, column: 1 });
      }
    }
  }
}

function reportDuplicateHandouts(pagesByLocale: Map<string, PageFile[]>, diagnostics: Diagnostics): void {
  for (const pages of pagesByLocale.values()) {
    const seen = new Map<string, string>();
    for (const page of pages) {
      const file = page.frontMatter?.handout?.file;
      if (!file) continue;
      const other = seen.get(file);
      if (other) diagnostics.report('handout-file-duplicate', { case: 'page', file, other }, { file: page.file, line: 1, column: 1 });
      else if (file === GUIDE_FILE) diagnostics.report('handout-file-duplicate', { case: 'guide', file }, { file: page.file, line: 1, column: 1 });
      else seen.set(file, page.file);
    }
  }
}
