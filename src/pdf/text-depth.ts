import * as fontkit from 'fontkit';
import type { FontFamily } from '../core/model.ts';
import { fontFiles } from './font-files.ts';
import type { FontkitFont } from './shaping/fontkit-types.ts';
import { shapeText } from './shaping/harfbuzz-shape.ts';

interface MeasuredFont extends FontkitFont {
  ascent: number;
  getGlyph(id: number): { advanceWidth: number; bbox: { minY: number } };
}

const opened = new Map<string, MeasuredFont>();

function open(path: string): MeasuredFont {
  let font = opened.get(path);
  if (!font) {
    font = (fontkit as unknown as { openSync(path: string): MeasuredFont }).openSync(path);
    opened.set(path, font);
  }
  return font;
}

/**
 * How far the text's ink reaches below its line box, in points, when set in the bold face of a
 * family at a size and line height (react-pdf puts the baseline one ascent below the line's top).
 * Note: Arabic letters such as ي and ح reach far below the baseline, and Noto Sans Arabic's ascent
 * is tall: at line height 1.15 an Arabic title overhangs its line by about 15 pt, so a rule under
 * it must move down by that much to keep the distance it keeps from a Latin title.
 */
export function inkBelowLine(family: FontFamily, text: string, size: number, lineHeight: number): number {
  const font = open(fontFiles[family].bold);
  const { glyphs } = shapeText(font, text);
  let depth = 0;
  for (const glyph of glyphs) {
    for (const part of glyph.parts ?? [{ id: glyph.id, yOffset: 0 }]) depth = Math.max(depth, -(font.getGlyph(part.id).bbox.minY + part.yOffset));
  }
  return Math.max(0, ((font.ascent + depth) / font.unitsPerEm - lineHeight) * size);
}
