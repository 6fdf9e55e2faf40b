/** @jsxRuntime automatic @jsxImportSource react */
import type { Locale, PaperSize, Toolkit } from '../core/model.ts';
import { fillPlaceholders } from '../core/fill-placeholders.ts';
import { languageName } from '../core/language-name.ts';
import { FacilitatorGuide, GUIDE_FOOTER_PROP, GuideFooterMeasure, guideDestination, type SectionStarts } from '../../templates/guide/facilitator-guide.tsx';
import type { PrintContext } from '../../templates/handouts/parts/print-context.ts';
import { margins } from '../../templates/handouts/parts/styles.ts';
import { createPrintContext } from './create-print-context.ts';
import type { PrintAssets } from './print-assets.ts';
import type { HandoutPage } from './handout-job.ts';
import { markedHeight } from './overflow.ts';
import { layoutPdf, pageCount } from './pdf-bytes.ts';
import { registerFonts } from './register-fonts.ts';
import { handoutPdfOptions } from './render-handout.tsx';
import { drawTaggedPdf } from './tagging/draw-tagged.ts';

/** Body size of the guide, in points: a reading size, never squeezed to fit as a handout is. */
export const GUIDE_FONT_SIZE = 11.5;

/** Room between the body text and the footer, in points. */
const FOOTER_GAP = 12;

/** A printed guide: its bytes, sheets, the sheet where each page of the toolkit starts, and whether it claims PDF/UA. */
export interface RenderedGuide {
  bytes: Uint8Array;
  pages: number;
  startsAt: number[];
  pdfUa: boolean;
  tagProblems: string[];
}

/** The guide's title in a locale: "Safer Online: facilitator guide". */
export function guideTitle(locale: Locale): string {
  return fillPlaceholders(locale.ui.guideTitle ?? '{title}', { title: locale.title });
}

/**
 * Prints the facilitator guide of a locale on a paper size: every page of the toolkit in menu
 * order, each through the handouts' block printers, in one layout (the table of contents reads
 * the sheet numbers the same layout records), drawn as a tagged PDF like the handouts.
 */
export async function renderGuide(toolkit: Toolkit, locale: Locale, paper: PaperSize, assets: PrintAssets = {}): Promise<RenderedGuide> {
  registerFonts();
  const title = guideTitle(locale);
  const context = (page: Locale['pages'][number], footerSpace: number): PrintContext => {
    // Every page prints with a handout's context; a page that is not a handout gets a plain one.
    const printed = { ...page, handout: page.handout ?? { kind: 'tips' as const, file: 'facilitator-guide', pageBudget: 99 } } as HandoutPage;
    return createPrintContext(toolkit, locale, printed, { locale: locale.code, slug: page.slug, paper }, GUIDE_FONT_SIZE, footerSpace, assets);
  };
  const home = locale.pages.find((page) => !page.fallback) ?? locale.pages[0]!;
  const probe = context(home, 0);
  const measured = await layoutPdf(<GuideFooterMeasure ctx={probe} />);
  const footerSpace = Math.ceil(margins.edge + (markedHeight(measured.layout, GUIDE_FOOTER_PROP) ?? 0) + FOOTER_GAP);
  const pages = locale.pages.map((page) => context(page, footerSpace));
  const cover = context(home, footerSpace);
  const notices = locale.pages.map((page) => {
    const source = toolkit.locales.find((l) => l.code === page.contentLocale);
    // The other language named in the reader's words, as the site's notice does.
    const fallback = page.fallback ? [fillPlaceholders(locale.ui.fallbackNotice ?? '', { language: languageName(locale.lang, source?.lang ?? page.contentLocale) })] : [];
    const draft = page.translation?.review === 'draft' && locale.ui.draftNotice ? [locale.ui.draftNotice] : [];
    return [...fallback, ...draft];
  });
  const starts: SectionStarts = pages.map(() => undefined);
  const laidOut = await layoutPdf(<FacilitatorGuide ctx={cover} pages={pages} title={title} notices={notices} starts={starts} />);
  const startsAt = starts.map((start) => start ?? 0);
  // A table of contents link is described by the title of the page it opens.
  const titleOf = new Map(locale.pages.map((page, index) => [guideDestination(index), page.title]));
  const base = handoutPdfOptions(cover, laidOut.props);
  const drawn = await drawTaggedPdf(laidOut.layout, { ...base, bodyLang: undefined, describeLink: (href) => titleOf.get(href.replace(/^#/, '')) ?? base.describeLink(href) });
  return { bytes: drawn.bytes, pages: pageCount(laidOut.layout), startsAt, pdfUa: drawn.pdfUa, tagProblems: drawn.problems };
}

