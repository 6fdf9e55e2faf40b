import type { OverlongLine } from './overlong-lines.ts';
import type { Handout, Locale, Page, PaperSize, SourcePosition, Toolkit } from '../core/model.ts';

/** One PDF to print: the handout of one page of one locale, on one paper size. Plain data, sent to workers. */
export interface HandoutJob {
  locale: string;
  slug: string;
  paper: PaperSize;
}

/** A printed handout: its bytes, how many sheets it took and the body size it fitted at. */
export interface RenderedHandout {
  bytes: Uint8Array;
  pages: number;
  fontSize: number;
  /** False when it needs more pages than its budget even at the smallest body size. */
  fits: boolean;
  /** Points of text past the budget at the smallest body size, when it does not fit. */
  overBy?: number;
  /** Where the first text past the budget comes from, when it does not fit. */
  overflowAt?: SourcePosition;
  /** Lines whose text is wider than their room (cut off at the edge), when there are any. */
  overlong?: OverlongLine[];
  /** True when the handout passed the writer's accessibility checks and claims PDF/UA-1. */
  pdfUa: boolean;
  /** Why it does not claim PDF/UA (empty when it does). */
  tagProblems: string[];
  /**
   * Its first page as a PNG (see draw-preview.ts), drawn for the first paper size only (in
   * `toolkit.paper` order): every paper size of a handout shares that one picture.
   */
  preview?: Uint8Array;
}

/** Whether a job's PDF is the one its handout's preview is drawn from: the first paper size of the toolkit. */
export function drawsPreview(toolkit: Toolkit, job: HandoutJob): boolean {
  return job.paper === toolkit.paper[0];
}

/** A page that prints as a handout. */
export type HandoutPage = Page & { handout: Handout };

/**
 * Every handout of the toolkit: each locale's handout pages, on each configured paper size.
 * A page a locale shows untranslated prints no handout there (its labels would be in one
 * language and its text in another): the downloads page offers the source language's PDF.
 */
export function listHandoutJobs(toolkit: Toolkit): HandoutJob[] {
  return toolkit.locales.flatMap((locale) =>
    locale.pages.filter((page) => page.handout && !page.fallback).flatMap((page) => toolkit.paper.map((paper) => ({ locale: locale.code, slug: page.slug, paper }))),
  );
}

/** The locale and page a job prints. */
export function resolveJob(toolkit: Toolkit, job: HandoutJob): { locale: Locale; page: HandoutPage } {
  const locale = toolkit.locales.find((l) => l.code === job.locale);
  const page = locale?.pages.find((p) => p.slug === job.slug);
  if (!locale || !page?.handout) throw new Error(`No handout page "${job.slug}" in locale "${job.locale}"`);
  return { locale, page: page as HandoutPage };
}

/** A short name for a job in messages: `signs-checklist (en, letter)`. */
export function describeJob(page: HandoutPage, job: HandoutJob): string {
  return `"${page.handout.file}" (${job.locale}, ${job.paper})`;
}
