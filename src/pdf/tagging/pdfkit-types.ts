/**
 * The part of pdfkit 0.20 (the PDF library react-pdf draws with) that Kitpress's tagging uses.
 * pdfkit ships no types of its own; these follow its source (`js/pdfkit.js`).
 */

/** A structure element (`doc.struct`). */
export interface PdfStructElement {
  dictionary: { data: Record<string, unknown> };
  add(child: PdfStructElement | PdfStructContent): PdfStructElement;
  end(): void;
}

/** Marked content that belongs to a structure element (`doc.markStructureContent`). */
export interface PdfStructContent {
  refs: { pageRef: unknown; mcid: number }[];
}

/** Options pdfkit reads when it makes a structure element. */
export interface PdfStructOptions {
  alt?: string;
  lang?: string;
  actual?: string;
  scope?: 'Column' | 'Row';
  /** Left, top, right, bottom in points from the sheet's top-left corner. */
  bbox?: [number, number, number, number];
}

/** Options of a link annotation. */
export interface PdfAnnotationOptions {
  structParent?: PdfStructElement;
  Contents?: unknown;
  [key: string]: unknown;
}

/** A page being written. */
export interface PdfPage {
  height: number;
  markings: unknown[];
  dictionary: { data: Record<string, unknown> };
  content: { id: number };
}

/** The pdfkit document, with the hooks Kitpress's copy of react-pdf's drawing step calls. */
export interface PdfDocument {
  page: PdfPage;
  struct(type: string, options?: PdfStructOptions): PdfStructElement;
  addStructure(element: PdfStructElement): PdfDocument;
  markContent(tag: string, options?: Record<string, unknown> | null): PdfDocument;
  markStructureContent(tag: string, options?: Record<string, unknown>): PdfStructContent;
  endMarkedContent(): PdfDocument;
  getStructParentTree(): { get(key: number): unknown[] };
  link(x: number, y: number, w: number, h: number, url: string | number, options?: PdfAnnotationOptions): PdfDocument;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: PdfAnnotationOptions): PdfDocument;
  addContent(data: string): PdfDocument;
  appendXML(xml: string, newline?: boolean): void;
  on(event: 'data', listener: (chunk: Uint8Array) => void): PdfDocument;
  on(event: 'end' | 'pageAdded', listener: () => void): PdfDocument;
  on(event: 'error', listener: (error: Error) => void): PdfDocument;
  end(): void;
  _root: { data: Record<string, unknown> };
  /** pdfkit's XMP writer for the document information; Kitpress replaces it (see xmp.ts). */
  _addInfo(): void;
  onRenderNode?: (phase: 'start' | 'content' | 'children' | 'end', node: unknown) => void;
  onRenderRun?: (phase: 'start' | 'end', run: unknown, line: unknown) => void;
}

/** pdfkit's document class. */
export type PdfDocumentClass = new (options: Record<string, unknown>) => PdfDocument;
