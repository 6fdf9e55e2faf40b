import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../core/write-atomic.ts';
import { pngSize } from './print-assets.ts';
import type { WriterContext } from '../build/writer-context.ts';
import type { HandoutFile, HandoutPreview } from '../core/outputs.ts';

/** Width of a preview in pixels: shown at half that in CSS pixels, so it is sharp on high-density screens. */
export const PREVIEW_WIDTH = 300;

/** Bumped when the way previews are drawn changes, so cached ones are drawn again. */
const PREVIEW_VERSION = 1;

type MuPdf = typeof import('mupdf');
let mupdf: Promise<MuPdf> | undefined;

/**
 * Draws a small grey picture of the first page of each handout (its first paper size) with
 * MuPDF (WebAssembly, from npm: no system tool), writes it beside the PDF as
 * `<name>-preview.png` and records it on every paper size's file. Pictures are cached by the
 * PDF's hash in `<cacheDir>/previews/`; MuPDF is loaded only when one must be drawn.
 */
export async function writePreviews(context: WriterContext, handouts: HandoutFile[]): Promise<HandoutFile[]> {
  const { outDir, toolkit } = context;
  const cacheDir = join(context.cacheDir, 'previews');
  let drawn = 0;
  const out: HandoutFile[] = [];
  const byGroup = new Map<string, HandoutPreview>();
  const first = [...handouts].sort((a, b) => toolkit.paper.indexOf(a.paper) - toolkit.paper.indexOf(b.paper));
  for (const file of first) {
    const group = `${file.locale}\0${file.slug}`;
    if (byGroup.has(group)) continue;
    const pdf = await readFile(join(outDir, file.path));
    const key = createHash('sha256').update(`kitpress-preview-${PREVIEW_VERSION}-${PREVIEW_WIDTH}\0`).update(pdf).digest('hex');
    const cached = join(cacheDir, `${key}.png`);
    let png: Buffer | undefined = await readFile(cached).catch(() => undefined);
    if (!png) {
      png = await drawFirstPage(pdf);
      drawn += 1;
      await writeFileAtomic(cached, png);
    }
    // `pdf/en/signs-checklist-letter.pdf` -> `pdf/en/signs-checklist-preview.png`: one picture for every paper size.
    const path = file.path.replace(new RegExp(`-${file.paper}\\.pdf$`), '-preview.png');
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), png);
    byGroup.set(group, { path, bytes: png.length, ...pngSize(png) });
  }
  for (const file of handouts) out.push({ ...file, preview: byGroup.get(`${file.locale}\0${file.slug}`) });
  context.progress.info(`${byGroup.size} handout previews: ${drawn} drawn, ${byGroup.size - drawn} from cache`);
  return out;
}

/** The first page of a PDF as a greyscale PNG `PREVIEW_WIDTH` pixels wide. */
async function drawFirstPage(pdf: Buffer): Promise<Buffer> {
  mupdf ??= import('mupdf');
  const { ColorSpace, Document, Matrix } = await mupdf;
  const doc = Document.openDocument(pdf, 'application/pdf');
  try {
    const page = doc.loadPage(0);
    const [x0, , x1] = page.getBounds();
    const scale = PREVIEW_WIDTH / (x1 - x0);
    const pixmap = page.toPixmap(Matrix.scale(scale, scale), ColorSpace.DeviceGray, false, true);
    const png = Buffer.from(pixmap.asPNG());
    pixmap.destroy();
    page.destroy();
    return png;
  } finally {
    doc.destroy();
  }
}
