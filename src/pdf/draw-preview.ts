import { PREVIEW_WIDTH } from '../core/outputs.ts';

type MuPdf = typeof import('mupdf');
let mupdf: Promise<MuPdf> | undefined;

/**
 * The first page of a PDF as a greyscale PNG `PREVIEW_WIDTH` pixels wide, drawn with MuPDF
 * (WebAssembly, from npm: no system tool), which is loaded the first time (about 90 ms a thread).
 */
export async function drawPreview(pdf: Uint8Array): Promise<Uint8Array> {
  mupdf ??= import('mupdf');
  const { ColorSpace, Document, Matrix } = await mupdf;
  const doc = Document.openDocument(pdf, 'application/pdf');
  try {
    const page = doc.loadPage(0);
    const [x0, , x1] = page.getBounds();
    const scale = PREVIEW_WIDTH / (x1 - x0);
    const pixmap = page.toPixmap(Matrix.scale(scale, scale), ColorSpace.DeviceGray, false, true);
    // A copy in an ArrayBuffer of its own, which a worker can hand over without copying.
    const png = new Uint8Array(pixmap.asPNG());
    pixmap.destroy();
    page.destroy();
    return png;
  } finally {
    doc.destroy();
  }
}

