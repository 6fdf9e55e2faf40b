/** @jsxRuntime automatic @jsxImportSource react */
import type { ReactElement } from 'react';
import type { Toolkit } from '../core/model.ts';
import { handoutTemplates, withOptionalParts } from '../../templates/handouts/index.ts';
import { FooterMeasure, HandoutDocument, type RenderInfo } from '../../templates/handouts/parts/handout-document.tsx';
import { FOOTER_PROP } from '../../templates/handouts/parts/footer.tsx';
import type { PrintContext } from '../../templates/handouts/parts/print-context.ts';
import { margins } from '../../templates/handouts/parts/styles.ts';
import { resolveJob, type HandoutJob, type RenderedHandout } from './handout-job.ts';
import { markedHeight, overflowPosition } from './overflow.ts';
import { overflowAmount } from './overflow-amount.ts';
import { overlongLines } from './overlong-lines.ts';
import { layoutPdf, pageCount, type LaidOutPdf } from './pdf-bytes.ts';
import { createPrintContext } from './create-print-context.ts';
import type { PrintAssets } from './print-assets.ts';
import { registerFonts } from './register-fonts.ts';
import { shortUrl } from './site-url.ts';
import { drawTaggedPdf, type TaggedPdf, type TaggedPdfOptions } from './tagging/draw-tagged.ts';

/**
 * Body sizes tried in turn until the handout fits its page budget. 11 pt is the floor: older
 * readers and second-language readers need it; a handout that does not fit at 11 pt is an error.
 */
export const FONT_STEPS = [12, 11.5, 11] as const;

/** Room between the body text and the footer, in points. */
const FOOTER_GAP = 12;

/** The react-pdf document of a handout: its template inside the shared frame. */
export function handoutDocument(ctx: PrintContext, onRender?: (info: RenderInfo) => void): ReactElement {
  return (
    <HandoutDocument ctx={ctx} {...(onRender ? { onRender } : {})}>
      {handoutTemplates[ctx.handout.kind](ctx)}
    </HandoutDocument>
  );
}

/** The space the footer of a job takes at the bottom of each sheet: measured by laying it out alone. */
export async function footerSpace(toolkit: Toolkit, job: HandoutJob, assets: PrintAssets = {}): Promise<number> {
  const { locale, page } = resolveJob(toolkit, job);
  const probe = createPrintContext(toolkit, locale, page, job, FONT_STEPS[0], 0, assets);
  const measured = await layoutPdf(<FooterMeasure ctx={probe} />);
  return Math.ceil(margins.edge + (markedHeight(measured.layout, FOOTER_PROP) ?? 0) + FOOTER_GAP);
}

/** The print context of a job at a body size, with its footer measured: what `renderHandout` prints it with. */
export async function printContextFor(toolkit: Toolkit, job: HandoutJob, fontSize: number, assets: PrintAssets = {}): Promise<PrintContext> {
  const { locale, page } = resolveJob(toolkit, job);
  return createPrintContext(toolkit, locale, page, job, fontSize, await footerSpace(toolkit, job, assets), assets);
}

/** How a laid-out handout is drawn: the metadata its `<Document>` declares, its body's language, link descriptions. */
export function handoutPdfOptions(ctx: PrintContext, props: Record<string, unknown>): TaggedPdfOptions {
  const text = (key: string) => (typeof props[key] === 'string' ? (props[key] as string) : '');
  return {
    title: text('title'),
    author: text('author'),
    subject: text('subject'),
    lang: text('language'),
    creator: text('creator'),
    producer: text('producer'),
    date: props.creationDate as Date,
    bodyLang: ctx.lang === ctx.locale.lang ? undefined : ctx.lang,
    describeLink: (href) => shortUrl(href).replace(/\/$/, ''),
  };
}

/** Draws a laid-out handout as a tagged PDF. */
export function drawHandout(ctx: PrintContext, { layout, props }: LaidOutPdf): Promise<TaggedPdf> {
  return drawTaggedPdf(layout, handoutPdfOptions(ctx, props));
}

/**
 * Prints one handout: measures its footer, then lays it out at 12 pt and, while it needs more
 * pages than its budget, again at each smaller step (skipping steps that cannot be enough);
 * when even the smallest is too long, the same again without the template's optional parts.
 * Only the size that fits (or, when none does, the 11 pt layout with where the overflowing text
 * comes from and how much of it there is) is drawn, as a tagged PDF. Lines whose text runs past
 * their room (a word that cannot break) are listed with where they come from.
 */
export async function renderHandout(toolkit: Toolkit, job: HandoutJob, assets: PrintAssets = {}): Promise<RenderedHandout> {
  registerFonts();
  const { locale, page } = resolveJob(toolkit, job);
  const space = await footerSpace(toolkit, job, assets);

  const budget = page.handout.pageBudget;
  const floor = FONT_STEPS[FONT_STEPS.length - 1];
  const fit = async (optionalParts: boolean) => {
    let last: { ctx: PrintContext; laidOut: LaidOutPdf; pages: number } | undefined;
    for (const fontSize of FONT_STEPS) {
      // Text takes room with the square of its size: skip a step that cannot bring it within budget.
      if (last && fontSize !== floor && (last.pages - 1) * (fontSize / last.ctx.fontSize) ** 2 * 0.9 > budget) continue;
      const ctx = { ...createPrintContext(toolkit, locale, page, job, fontSize, space, assets), optionalParts };
      const laidOut = await layoutPdf(handoutDocument(ctx));
      last = { ctx, laidOut, pages: pageCount(laidOut.layout) };
      if (last.pages <= budget) break;
    }
    return last!;
  };
  // The parts a template can do without (the checklist's notes area, whose least height alone can
  // take one sheet more) go before the handout is over its budget: fitted again without them. Also
  // when it does not fit even so: what is then reported as too much is text, not notes lines.
  let fitted = await fit(true);
  if (fitted.pages > budget && withOptionalParts.has(page.handout.kind)) fitted = await fit(false);
  const { ctx, laidOut, pages } = fitted;
  const drawn = await drawHandout(ctx, laidOut);
  const result: RenderedHandout = { bytes: drawn.bytes, pages, fontSize: ctx.fontSize, fits: pages <= budget, pdfUa: drawn.pdfUa, tagProblems: drawn.problems };
  const overlong = overlongLines(laidOut.layout, page.file);
  if (overlong.length > 0) result.overlong = overlong;
  if (!result.fits) {
    // At least a point: it needs a sheet more, whatever the room its last sheet seems to have left.
    result.overBy = Math.max(1, Math.ceil(overflowAmount(laidOut.layout, budget, margins.top)));
    const overflowAt = overflowPosition(laidOut.layout, budget, page.file);
    if (overflowAt) result.overflowAt = overflowAt;
  }
  return result;
}
