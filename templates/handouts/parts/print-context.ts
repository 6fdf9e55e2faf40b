import type { Direction, Handout, Locale, Page, PaperSize, Toolkit } from '../../../src/core/model.ts';
import type { FontStyle } from '../../../src/pdf/font-files.ts';
import type { QrCode } from '../../../src/pdf/qr-code.ts';
import type { PrintImage } from '../../../src/pdf/print-assets.ts';
import type { SheetSize } from '../../../src/pdf/paper.ts';
import type { HandoutStyles } from './styles.ts';

/** Everything a handout template needs to print one page of one locale on one paper size. */
export interface PrintContext {
  toolkit: Toolkit;
  locale: Locale;
  page: Page;
  handout: Handout;
  /** The printed title: the handout's short title, or the page title. */
  title: string;
  paper: PaperSize;
  sheet: SheetSize;
  /** Body text size in points; the fitting step lowers it from 12 to 10. */
  fontSize: number;
  /** Language (BCP 47) of the page text: the source language's for a page shown untranslated. */
  lang: string;
  /** Direction of the page text (a fallback page keeps its source language's direction). */
  dir: Direction;
  /** Direction of the interface words around it (header, footer). */
  chromeDir: Direction;
  /** Font stack and OpenType features for the page text and for the interface words. */
  bodyFont: FontStyle;
  chromeFont: FontStyle;
  /** The page on the hosted site, and the same without `https://`. */
  url: string;
  shortUrl: string;
  qr: QrCode;
  /** True for a draft translation or a page shown in the source language. */
  draft: boolean;
  /** Points kept free at the bottom of each sheet for the footer (measured). */
  footerSpace: number;
  /**
   * Whether to print the parts a template can do without (the checklist's ruled notes area).
   * False when the fitting step tries again without them: a handout that does not fit its budget
   * with them, even at the smallest body size, is fitted once more without them.
   */
  optionalParts: boolean;
  styles: HandoutStyles;
  /** Points the title's ink reaches below its line (Arabic descenders): the rule under it moves down by this. */
  titleOverhang: number;
  /** The organisation's logo for the header, with its alt text in this locale (`branding.logo`). */
  logo: { image: PrintImage; alt: string } | undefined;
  /** Colour of the rule under the header: the organisation's `branding.primary`, else black. */
  ruleColour: string;
  /** An interface string of the locale with placeholders filled. */
  t: (key: string, values?: Record<string, string | number>) => string;
}
