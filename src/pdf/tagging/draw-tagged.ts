import PDFDocumentModule from 'pdfkit';
import { loadHookedRender } from './hooked-render.ts';
import { drawGlyphs } from '../shaping/draw-glyphs.ts';
import type { PdfDocument, PdfDocumentClass } from './pdfkit-types.ts';
import { rememberFonts } from './font-switch.ts';
import { createStructureTagger } from './structure-tagger.ts';
import { verifyTaggedPdf } from './verify-tagged.ts';
import { claimPdfUa, xmpDescriptions, type XmpInfo } from './xmp.ts';

const PDFDocument = PDFDocumentModule as unknown as PdfDocumentClass;

/** What a tagged handout is drawn with besides its layout. */
export interface TaggedPdfOptions extends XmpInfo {
  /** Language of the body text when it differs from `lang` (a page shown in its source language). */
  bodyLang?: string | undefined;
  /** The description of a link to `href` for screen readers. */
  describeLink: (href: string) => string;
}

/** A drawn, tagged PDF: its bytes, whether it claims PDF/UA, and why not. */
export interface TaggedPdf {
  bytes: Uint8Array;
  /** True when the handout passed every check and its metadata says PDF/UA-1. */
  pdfUa: boolean;
  problems: string[];
}

/** pdfkit's document information from the XMP info (dates fixed, so the same input gives the same bytes). */
function documentInfo(options: XmpInfo) {
  return { Title: options.title, Author: options.author, Subject: options.subject, Creator: options.creator, Producer: options.producer, CreationDate: options.date, ModDate: options.date };
}

/** Collects a pdfkit document's bytes while `draw` writes it. */
async function collect(doc: PdfDocument, draw: () => void): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  draw();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** The same layout drawn the way react-pdf draws it, untagged (what tagging is measured against in the bench). */
export async function drawPlainPdf(layout: unknown, options: XmpInfo): Promise<Uint8Array> {
  const { default: render } = (await import('@react-pdf/render')) as unknown as { default: (ctx: unknown, layout: unknown) => unknown };
  const doc = new PDFDocument({ compress: true, lang: options.lang, displayTitle: true, autoFirstPage: false, info: documentInfo(options) });
  shapeGlyphs(doc);
  return collect(doc, () => render(doc, layout));
}

/**
 * Draws a react-pdf layout into a tagged PDF 1.7: react-pdf's own drawing step (with Kitpress's
 * hooks) on a pdfkit document made with `tagged: true`, the structure built from the roles the
 * template declared. The finished bytes are then checked, and only a handout that passes
 * every check gets the PDF/UA identification in its XMP metadata.
 */
export async function drawTaggedPdf(layout: unknown, options: TaggedPdfOptions): Promise<TaggedPdf> {
  const render = await loadHookedRender();
  const doc = new PDFDocument({
    compress: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: options.lang,
    displayTitle: true,
    autoFirstPage: false,
    info: documentInfo(options),
  });
  doc._addInfo = () => doc.appendXML(xmpDescriptions(options));
  shapeGlyphs(doc);
  rememberFonts(doc);
  const tagger = createStructureTagger(doc, { bodyLang: options.bodyLang, describeLink: options.describeLink });
  let problems: string[] = [];
  const end = doc.end.bind(doc);
  // react-pdf's drawing step ends the document itself: finish the structure just before.
  doc.end = () => {
    problems = tagger.finish().problems;
    end();
  };

  const bytes = await collect(doc, () => render(doc, layout));
  problems.push(...verifyTaggedPdf(bytes));
  const pdfUa = problems.length === 0 && claimPdfUa(bytes);
  return { bytes, pdfUa, problems };
}

/** Lets react-pdf draw every run through `drawGlyphs` (shaped clusters, mark offsets, one code per text). */
function shapeGlyphs(doc: object): void {
  (doc as { glyphs?: unknown }).glyphs = (glyphs: never, positions: never, x: number, y: number) => drawGlyphs(doc as never, glyphs, positions, x, y);
}
