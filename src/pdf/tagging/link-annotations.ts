import type { PdfAnnotationOptions, PdfDocument, PdfStructElement } from './pdfkit-types.ts';

/** Where link annotations go while a handout is drawn. */
interface LinkRouting {
  /** True while an artifact is drawn. */
  inArtifact: () => boolean;
  /** The Link element being drawn, if any. */
  link: () => PdfStructElement | undefined;
  /** The description (/Contents) of a link to a target. */
  describe: (target: string) => string;
  problems: string[];
}

type Annotate = (x: number, y: number, w: number, h: number, target: string | number, options?: PdfAnnotationOptions) => PdfDocument;

/**
 * Makes each link annotation react-pdf asks pdfkit for (`link`, `goTo`) a child of the Link
 * element being drawn, with a description, as PDF/UA asks.
 * Note: an artifact cannot hold a Link element, so repeated running chrome gets no link
 * annotation (the first sheet's footer has it).
 */
export function routeLinkAnnotations(doc: PdfDocument, routing: LinkRouting): void {
  for (const method of ['link', 'goTo'] as const) {
    const original = doc[method].bind(doc) as Annotate;
    const routed: Annotate = (x, y, w, h, target, options = {}) => {
      if (routing.inArtifact()) return doc;
      const parent = routing.link();
      if (!parent) {
        routing.problems.push(`The link to ${String(target)} is not inside a Link element.`);
        return original(x, y, w, h, target, options);
      }
      return original(x, y, w, h, target, { ...options, structParent: parent, Contents: new String(routing.describe(String(target))) });
    };
    doc[method] = routed as PdfDocument[typeof method];
  }
}
