import type { PaperSize, Toolkit } from '../core/model.ts';
import { drawPreview } from './draw-preview.ts';
import { drawsPreview, type HandoutJob, type RenderedHandout } from './handout-job.ts';
import { loadGuideRenderer, loadRenderer } from './load-renderer.ts';
import type { PrintAssets } from './print-assets.ts';
import type { RenderedGuide } from './render-guide.tsx';

/** One PDF to print, as sent to a worker thread: a handout or a facilitator guide, with the part of the model it prints. */
export type PrintJob =
  | { kind: 'handout'; toolkit: Toolkit; assets: PrintAssets; job: HandoutJob }
  | { kind: 'guide'; toolkit: Toolkit; assets: PrintAssets; locale: string; paper: PaperSize };

/** What a print job gives back. */
export type PrintResult = RenderedHandout | RenderedGuide;

/**
 * The toolkit with only the locales a PDF of locale `code` prints from: its own and those its
 * untranslated pages are shown in (what the PDF cache keys hash). A worker is sent this, not
 * the model of every locale.
 */
export function toolkitFor(toolkit: Toolkit, code: string): Toolkit {
  const locale = toolkit.locales.find((l) => l.code === code);
  const codes = new Set([code, ...(locale?.pages.map((page) => page.contentLocale) ?? [])]);
  return { ...toolkit, locales: toolkit.locales.filter((l) => codes.has(l.code)) };
}

/**
 * Prints a job in this thread, loading react-pdf the first time. A handout on the first paper
 * size comes with its preview, drawn here right after its PDF (when it fits: one that does not is never written).
 */
export async function runPrintJob(job: PrintJob): Promise<PrintResult> {
  if (job.kind === 'handout') {
    const { renderHandout } = await loadRenderer();
    const result = await renderHandout(job.toolkit, job.job, job.assets);
    if (result.fits && drawsPreview(job.toolkit, job.job)) result.preview = await drawPreview(result.bytes);
    return result;
  }
  const { renderGuide } = await loadGuideRenderer();
  const locale = job.toolkit.locales.find((l) => l.code === job.locale);
  if (!locale) throw new Error(`No locale "${job.locale}" to print a facilitator guide of`);
  return renderGuide(job.toolkit, locale, job.paper, job.assets);
}
