import type { Element } from 'hast';
import type { Locale, Toolkit } from '../core/model.ts';
import { kitPath, offeredHandouts, previewPath, PREVIEW_WIDTH, type HandoutFile, type HandoutPreview, type ListedGuide, type ListedHandout } from '../core/outputs.ts';
import { pdfFactsElement } from './pdf-facts.ts';
import { fillText, h } from './render/h.ts';
import { languageName } from '../core/language-name.ts';
import type { Urls } from './urls.ts';
import { offlineSaveSection } from './offline-save.ts';

/** The paper sizes in the order the toolkit lists them, with their interface word. */
function paperLabel(locale: Locale, paper: HandoutFile['paper']): string {
  return (paper === 'a4' ? locale.ui.paperA4 : locale.ui.paperLetter) ?? paper;
}

/**
 * A link to one PDF with its paper size, page count and size: "US Letter (PDF, 1 page, 84 kB)";
 * a PDF in another language than the reader's says which, in the reader's words: "A4, en inglés".
 * A PDF not printed yet gets its facts later (see src/site/pdf-facts.ts).
 */
export function handoutLink(file: Pick<ListedHandout, 'locale' | 'paper' | 'pages' | 'bytes' | 'path'>, locale: Locale, urls: Urls, toolkit?: Toolkit): Element {
  const other = file.locale !== locale.code ? toolkit?.locales.find((l) => l.code === file.locale) : undefined;
  return h('a', { href: urls.href(file.path), className: ['download'], ...(other ? { hrefLang: other.lang } : {}) },
    h('span', { className: ['download-name'] }, paperLabel(locale, file.paper)),
    other ? h('span', { className: ['download-language'] }, `, ${languageLabel(locale, other)}`) : null,
    ' ',
    pdfFactsElement(file, locale));
}

/** "en inglés": the interface's words for a PDF in another locale's language. */
export function languageLabel(reader: Locale, other: Locale): string {
  return fillText(reader.ui.handoutInLanguage ?? 'in {language}', { language: languageName(reader.lang, other.lang) });
}

/** The handouts of one locale, grouped by page in menu order, each group's papers in configured order. */
export function handoutsOf<T extends ListedHandout>(toolkit: Toolkit, locale: Locale, handouts: readonly T[]): { slug: string; title: string; files: T[] }[] {
  const mine = offeredHandouts(locale, handouts);
  const order = (slug: string) => locale.pages.findIndex((p) => p.slug === slug);
  const slugs = [...new Set(mine.map((f) => f.slug))].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return slugs.map((slug) => {
    const files = mine.filter((f) => f.slug === slug).sort((a, b) => toolkit.paper.indexOf(a.paper) - toolkit.paper.indexOf(b.paper));
    return { slug, title: files[0]!.title, files };
  });
}

/**
 * The body of a downloads page: every handout of the locale in every paper size, then the
 * offline kits. Kits are written after the site, so their sizes are placeholders
 * (`data-kit-size`) that `fillKitSizes` fills in once the zips exist.
 */
export function downloadsBody(toolkit: Toolkit, locale: Locale, handouts: readonly ListedHandout[], urls: Urls, guides: readonly ListedGuide[] = []): Element[] {
  const ui = locale.ui;
  const groups = handoutsOf(toolkit, locale, handouts);
  const kits = [
    { path: kitPath(toolkit.name, locale.code), label: ui.downloadKit },
    ...(toolkit.locales.length > 1 ? [{ path: kitPath(toolkit.name, 'all'), label: ui.downloadKitAll }] : []),
  ];
  return [
    h('p', { className: ['lead'] }, ui.downloadsIntro),
    ...guideSection(toolkit, locale, urls, guides),
    groups.length ? h('h2', { id: 'handouts' }, ui.handouts) : null,
    ...groups.map((group) => {
      const preview = groupPreview(group.files);
      return h('section', { className: ['handout', preview ? 'has-preview' : ''].filter(Boolean), ariaLabelledby: `handout-${group.slug || 'home'}` },
        preview
          ? h('img', {
              // A preview not drawn yet gets its size later (see src/site/pdf-facts.ts).
              ...(preview.height === undefined ? { dataPreviewSize: preview.path } : {}),
              className: ['handout-preview'],
              src: urls.href(preview.path),
              alt: fillText(ui.previewAlt ?? '{title}', { title: group.title }),
              // Drawn at twice the size it is shown, for sharp high-density screens.
              width: Math.round(preview.width / 2),
              height: Math.round((preview.height ?? 0) / 2),
              loading: 'lazy',
            })
          : null,
        h('div', { className: ['handout-files'] },
          h('h3', { id: `handout-${group.slug || 'home'}` }, group.title),
          h('ul', { className: ['downloads'], role: 'list' }, group.files.map((file) => h('li', {}, handoutLink(file, locale, urls, toolkit))))));
    }),
    h('section', { dataKitSection: '', ariaLabelledby: 'offline-kit' },
      h('h2', { id: 'offline-kit' }, ui.offlineKit),
      h('p', {}, ui.offlineKitIntro),
      h('ul', { className: ['downloads'], role: 'list' }, kits.map((kit) =>
        h('li', { dataKitItem: kit.path },
          h('a', { href: urls.href(kit.path), className: ['download'] },
            h('span', { className: ['download-name'] }, kit.label),
            ' ',
            h('span', { className: ['file-meta'] }, '(', h('span', { dataKitSize: kit.path }, 'ZIP'), ')')))))),
    offlineSaveSection(toolkit, locale, urls),
  ].filter((x): x is Element => x !== null);
}

/** "Print this page": the handout PDFs of one page, shown on the page itself. */
export function pageHandoutBox(toolkit: Toolkit, locale: Locale, slug: string, handouts: readonly ListedHandout[], urls: Urls): Element | null {
  const group = handoutsOf(toolkit, locale, handouts).find((g) => g.slug === slug);
  if (!group) return null;
  return h('div', { className: ['page-handout'] },
    h('p', {}, h('strong', {}, locale.ui.printHandout)),
    h('ul', { className: ['downloads'], role: 'list' }, group.files.map((file) => h('li', {}, handoutLink(file, locale, urls, toolkit)))));
}

/** "The whole guide on paper": the locale's facilitator guide in every paper size, before the handouts. */
function guideSection(toolkit: Toolkit, locale: Locale, urls: Urls, guides: readonly ListedGuide[]): Element[] {
  const mine = guides.filter((g) => g.locale === locale.code).sort((a, b) => toolkit.paper.indexOf(a.paper) - toolkit.paper.indexOf(b.paper));
  if (mine.length === 0) return [];
  return [
    h('h2', { id: 'guide' }, locale.ui.guideDownloads),
    h('p', {}, locale.ui.guideIntro),
    h('ul', { className: ['downloads'], role: 'list' }, mine.map((file) => h('li', {}, handoutLink(file, locale, urls, toolkit)))),
  ];
}

/**
 * The preview a handout group shows: the one drawn for its files, or, while its PDFs are not
 * printed yet, the one that will be (drawn from the first paper size; its height comes later).
 */
function groupPreview(files: readonly ListedHandout[]): (Omit<HandoutPreview, 'height' | 'bytes'> & { height?: number | undefined }) | undefined {
  const drawn = files.find((file) => file.preview)?.preview;
  if (drawn) return drawn;
  const first = files[0];
  if (!first || first.bytes !== undefined) return undefined;
  return { path: previewPath(first), width: PREVIEW_WIDTH };
}
