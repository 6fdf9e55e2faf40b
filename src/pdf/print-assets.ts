import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/write-atomic.ts';
import { createRequire } from 'node:module';
import type { FontFamily, Toolkit } from '../core/model.ts';
import { fontFiles } from './font-files.ts';

const require = createRequire(import.meta.url);

/** A picture ready for react-pdf: PNG bytes with their size in pixels. */
export interface PrintImage {
  png: Uint8Array;
  width: number;
  height: number;
  /** Hash of the source file, for cache keys. */
  sha256: string;
}

/** Files from the content folder that handouts print, prepared once per build. Plain data, sent to workers. */
export interface PrintAssets {
  /** The organisation's logo (`branding.logo`), as a PNG. */
  logo?: PrintImage;
}

/**
 * Height in pixels an SVG logo is drawn at: the header prints it about 0.4 in tall, so this is
 * 600 dpi, sharp on any office printer.
 */
export const LOGO_PIXELS = 240;

/** Bumped when the way logos are drawn changes, so cached pictures are drawn again. */
const DRAW_VERSION = 1;

/**
 * Reads what the handouts print from `<contentDir>/assets/`: today the logo. A PNG is used as
 * it is; react-pdf cannot draw an SVG file, so an SVG logo is drawn as a PNG by resvg, cached by the file's hash in `<cacheDir>/print-assets/`.
 * Note: the reader has already checked the file exists inside the content folder and is a safe SVG.
 */
export async function readPrintAssets(toolkit: Toolkit, contentDir: string, cacheDir: string): Promise<PrintAssets> {
  const file = toolkit.branding.logo?.file;
  if (!file) return {};
  const bytes = await readFile(join(contentDir, 'assets', file));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!/\.svg$/i.test(file)) return { logo: { png: bytes, ...pngSize(bytes), sha256 } };

  const cached = join(cacheDir, 'print-assets', `${sha256}-${DRAW_VERSION}-${LOGO_PIXELS}.png`);
  let png: Uint8Array | undefined = await readFile(cached).catch(() => undefined);
  if (!png) {
    png = await drawSvg(bytes, defaultFont(toolkit));
    // Note: the handouts and the guides prepare their assets at the same time.
    await writeFileAtomic(cached, png);
  }
  return { logo: { png, ...pngSize(png), sha256 } };
}

let resvg: Promise<typeof import('@resvg/resvg-wasm')> | undefined;

/**
 * An SVG drawn `LOGO_PIXELS` tall as a PNG with transparency, by resvg (WebAssembly, from npm).
 * Text in the SVG is drawn with the default locale's font files; no system font is looked up.
 */
async function drawSvg(svg: Uint8Array, fontFamily: FontFamily): Promise<Uint8Array> {
  resvg ??= (async () => {
    const module = await import('@resvg/resvg-wasm');
    await module.initWasm(await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return module;
  })();
  const { Resvg } = await resvg;
  const files = fontFiles[fontFamily];
  const fontBuffers = await Promise.all([files.regular, files.bold].map(async (file) => new Uint8Array(await readFile(file))));
  const image = new Resvg(svg, { fitTo: { mode: 'height', value: LOGO_PIXELS }, font: { fontBuffers, loadSystemFonts: false } }).render();
  try {
    return image.asPng();
  } finally {
    image.free();
  }
}

/** Width and height from a PNG's header. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** What a printed page shows of the branding, for cache keys: the logo (by its bytes), its alt text, the rule's colour. */
export function printedBranding(toolkit: Toolkit, assets: PrintAssets): object {
  return { logo: assets.logo?.sha256, logoAlt: toolkit.branding.logo?.alt, primary: toolkit.branding.primary };
}

/** The font of the default locale. */
function defaultFont(toolkit: Toolkit): FontFamily {
  return (toolkit.locales.find((l) => l.code === toolkit.defaultLocale) ?? toolkit.locales[0]!).font;
}
