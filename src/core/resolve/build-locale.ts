import type { Config } from '../config/schema.ts';
import type { Hotline, Locale, Page, Source, UiStrings, ReviewState } from '../model.ts';
import type { PageFile } from '../read-pages.ts';
import { languageTag } from '../language-tag.ts';

/** Everything read for one locale, before the pages are resolved. */
export interface LocaleInput {
  config: Config;
  code: string;
  pages: PageFile[];
  /** The default locale's pages, for fallbacks and translation status. */
  sourcePages: PageFile[];
  ui: UiStrings;
  review: ReviewState;
}

/** Builds a locale: its own pages, plus a fallback for every source page it lacks, in configured order. */
export function buildLocale(input: LocaleInput): Locale {
  const { config, code } = input;
  const localeConfig = config.locales.find((l) => l.code === code)!;
  const isDefault = code === config.defaultLocale;
  const own = new Map(input.pages.filter((p) => p.frontMatter).map((p) => [p.slug, p]));
  const sources = new Map(input.sourcePages.filter((p) => p.frontMatter).map((p) => [p.slug, p]));
  const slugs = new Set([...sources.keys(), ...own.keys()]);
  const pages: Page[] = [];
  for (const slug of slugs) {
    const page = own.get(slug);
    const source = sources.get(slug);
    if (page) pages.push(toPage(page, code, isDefault ? undefined : source));
    else if (source) pages.push({ ...toPage(source, code, undefined), contentLocale: config.defaultLocale, fallback: true });
  }
  pages.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  const pick = (map: Record<string, string> | undefined) => map?.[code] ?? map?.[config.defaultLocale];
  const hotlines: Hotline[] = config.hotlines.map((h) => ({
    id: h.id,
    label: pick(h.label) ?? h.id,
    description: pick(h.description) ?? '',
    ...(h.phone ? { phone: h.phone } : {}),
    ...(h.sms ? { sms: h.sms } : {}),
    ...(h.smsBody ? { smsBody: h.smsBody } : {}),
    ...(h.url ? { url: h.url } : {}),
    ...(pick(h.hours) ? { hours: pick(h.hours)! } : {}),
    primary: h.primary,
  }));
  const sourcesList: Source[] = config.sources.map((s) => ({ ...s }));
  return {
    code,
    name: localeConfig.name,
    dir: localeConfig.dir,
    font: localeConfig.font,
    lang: languageTag(code, localeConfig.lang),
    isDefault,
    title: localeConfig.title,
    description: localeConfig.description,
    pages,
    hotlines,
    sources: sourcesList,
    ui: input.ui,
    review: isDefault ? 'source' : input.review,
  };
}

function toPage(file: PageFile, locale: string, source: PageFile | undefined): Page {
  const fm = file.frontMatter!;
  const page: Page = {
    slug: file.slug,
    locale,
    contentLocale: locale,
    file: file.file,
    title: fm.title,
    description: fm.description,
    order: fm.order,
    fallback: false,
    blocks: file.blocks,
    sourceHash: file.version,
    ...(fm.lint ? { lintAllow: fm.lint.allow } : {}),
  };
  // A translation prints the same handout as its source unless it says otherwise (its own page budget, say).
  const handout = fm.handout ? { ...source?.frontMatter?.handout, ...fm.handout } : source?.frontMatter?.handout;
  if (handout) {
    page.handout = { kind: handout.kind, file: handout.file, pageBudget: handout.pages, ...(fm.handout?.title ? { title: fm.handout.title } : {}) };
  }
  if (source || fm.translation) {
    const recorded = fm.translation?.source;
    page.translation = {
      review: fm.translation?.review ?? 'draft',
      ...(recorded ? { sourceHash: recorded } : {}),
      // Note: older translations record a hash of the whole source file; that still counts until the source changes.
      outdated: source ? !recorded || (recorded !== source.version && !source.hash.startsWith(recorded)) : false,
      position: file.translationPlace ?? { file: file.file, line: 1, column: 1 },
    };
  }
  return page;
}
