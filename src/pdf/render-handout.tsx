/** @jsxRuntime automatic @jsxImportSource react */
import type { Toolkit } from '../core/model.ts';
import { handoutTemplates } from '../../templates/handouts/index.ts';
import { FooterMeasure, HandoutDocument } from '../../templates/handouts/parts/handout-document.tsx';
import { FOOTER_PROP } from '../../templates/handouts/parts/footer.tsx';
import { margins } from '../../templates/handouts/parts/styles.ts';
import { resolveJob, type HandoutJob, type RenderedHandout } from './handout-job.ts';
import { markedHeight, overflowPosition } from './overflow.ts';
import { pageCount, renderPdf } from './pdf-bytes.ts';
import { createPrintContext } from './create-print-context.ts';
import { registerFonts } from './register-fonts.ts';

/** Body sizes tried in turn until the handout fits its page budget; 10 pt is the floor. */
export const FONT_STEPS = [12, 11.5, 11, 10.5, 10] as const;

/** Room between the body text and the footer, in points. */
const FOOTER_GAP = 12;

/**
 * Prints one handout: measures its footer, then renders at 12 pt and, while it needs more
 * pages than its budget, again at each smaller step (skipping steps that cannot be enough).
 * Gives the first size that fits, or the 10 pt result with where the overflowing text comes from.
 */
export async function renderHandout(toolkit: Toolkit, job: HandoutJob): Promise<RenderedHandout> {
  registerFonts();
  const { locale, page } = resolveJob(toolkit, job);
  const probe = createPrintContext(toolkit, locale, page, job, FONT_STEPS[0], 0);
  const measured = await renderPdf((capture) => <FooterMeasure ctx={probe} onRender={capture} />);
  const footerSpace = Math.ceil(margins.edge + (markedHeight(measured.layout, FOOTER_PROP) ?? 0) + FOOTER_GAP);

  const template = handoutTemplates[page.handout.kind];
  const budget = page.handout.pageBudget;
  const floor = FONT_STEPS[FONT_STEPS.length - 1];
  let result: RenderedHandout | undefined;
  for (const fontSize of FONT_STEPS) {
    // Text takes room with the square of its size: skip a step that cannot bring it within budget.
    if (result && fontSize !== floor && (result.pages - 1) * (fontSize / result.fontSize) ** 2 * 0.9 > budget) continue;
    const ctx = createPrintContext(toolkit, locale, page, job, fontSize, footerSpace);
    const { bytes, layout } = await renderPdf((capture) => (
      <HandoutDocument ctx={ctx} onRender={capture}>
        {template(ctx)}
      </HandoutDocument>
    ));
    const pages = pageCount(layout);
    const fits = pages <= budget;
    result = { bytes, pages, fontSize, fits };
    if (fits) return result;
    const overflowAt = overflowPosition(layout, budget, page.file);
    if (overflowAt) result.overflowAt = overflowAt;
  }
  return result!;
}
