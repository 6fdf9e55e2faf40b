import type { LayoutGlyph, LayoutPosition } from './fontkit-types.ts';

/** pdfkit's embedded font, as far as drawing glyphs needs it. */
interface EmbeddedFont {
  id: string;
  font: { unitsPerEm: number; getGlyph(id: number): { advanceWidth: number } };
  subset?: { includeGlyph(id: number): number; glyphs: number[] };
  scale: number;
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

/** The pdfkit document while react-pdf draws a run. */
interface DrawingDoc {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  save(): unknown;
  restore(): unknown;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): unknown;
  addContent(data: string): unknown;
}

/** One glyph to draw: its font glyph id, the text it stands for, its advance and offset in points. */
interface DrawnGlyph {
  id: number;
  codePoints: number[];
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

const number = (n: number) => Math.round(n * 1e6) / 1e6;
const slotsByFont = new WeakMap<EmbeddedFont, Map<string, number>>();

/**
 * The code a glyph is written with in the PDF: one per (glyph, text) pair, so the ToUnicode map
 * says for every drawn glyph what it stands for. Note: Noto Sans Arabic draws ب ت ث ن ي from one
 * dotless shape; pdfkit gives each glyph one code and so one text, which made `pdftotext` read
 * «الحدتب» for «الحديث». A glyph that stands for a second text gets a second code (the same
 * outline twice in the subset, a few bytes).
 */
function glyphCode(font: EmbeddedFont, id: number, codePoints: number[]): string {
  let slots = slotsByFont.get(font);
  if (!slots) slotsByFont.set(font, (slots = new Map()));
  const key = `${id}:${codePoints.join(',')}`;
  let code = slots.get(key);
  if (code === undefined) {
    const subset = font.subset!;
    code = subset.includeGlyph(id);
    const existing = font.unicode[code];
    if (existing != null && existing.join(',') !== codePoints.join(',')) {
      subset.glyphs.push(id);
      code = subset.glyphs.length - 1;
    }
    font.unicode[code] = codePoints;
    font.widths[code] = font.font.getGlyph(id).advanceWidth * font.scale;
    slots.set(key, code);
  }
  return `0000${code.toString(16)}`.slice(-4);
}

/** The glyphs of a laid-out run as drawn: clusters expanded into their parts, in points. */
function expand(glyphs: LayoutGlyph[], positions: LayoutPosition[], pointsPerUnit: number): DrawnGlyph[] {
  const drawn: DrawnGlyph[] = [];
  glyphs.forEach((glyph, i) => {
    const position = positions[i] ?? { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 };
    if (!glyph.parts) {
      drawn.push({ id: glyph.id, codePoints: glyph.codePoints, xAdvance: position.xAdvance, xOffset: position.xOffset, yOffset: position.yOffset });
      return;
    }
    // The cluster's text goes with its widest glyph (the letter, not its dots); the others stand for nothing.
    const widest = glyph.parts.reduce((best, part, j) => (part.xAdvance > glyph.parts![best]!.xAdvance ? j : best), 0);
    let natural = 0;
    const parts = glyph.parts.map((part, j) => {
      natural += part.xAdvance * pointsPerUnit;
      return {
        id: part.id,
        codePoints: j === widest ? glyph.codePoints : [],
        xAdvance: part.xAdvance * pointsPerUnit,
        xOffset: part.xOffset * pointsPerUnit + position.xOffset,
        yOffset: part.yOffset * pointsPerUnit + position.yOffset,
      };
    });
    // Justification and letter spacing change the cluster's advance: the last part carries it.
    parts[parts.length - 1]!.xAdvance += position.xAdvance - natural;
    drawn.push(...parts);
  });
  return drawn;
}

/**
 * Draws a run's glyphs as react-pdf's `renderGlyphs` does (one text object, TJ arrays), with
 * three differences: shaped clusters are drawn glyph by glyph, mark offsets are applied in
 * points (react-pdf scales them by the font size twice, which puts Arabic dots out of place),
 * and each glyph's code carries its own text (see `glyphCode`).
 * react-pdf calls it as `doc.glyphs(glyphs, positions, x, y)` when the document has it.
 */
export function drawGlyphs(doc: DrawingDoc, glyphs: LayoutGlyph[], positions: LayoutPosition[], x: number, y: number): void {
  const font = doc._font;
  const size = doc._fontSize;
  const drawn = expand(glyphs, positions, size / (font.font?.unitsPerEm || 1000));
  const code = font.subset ? (g: DrawnGlyph) => glyphCode(font, g.id, g.codePoints) : (g: DrawnGlyph) => `00${g.id.toString(16)}`.slice(-2);
  const natural = (g: DrawnGlyph) => (font.subset ? font.font.getGlyph(g.id).advanceWidth * font.scale : 0) * (size / 1000);

  doc.save();
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  const baseline = doc.page.height - y;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  doc.addContent('BT');
  doc.addContent(`/${font.id} ${number(size)} Tf`);
  let pen = x;
  let tj: string[] = [];
  let atPen = false;
  const flush = () => {
    if (tj.length) doc.addContent(`[${tj.join(' ')}] TJ`);
    tj = [];
  };
  for (const glyph of drawn) {
    if (glyph.xOffset || glyph.yOffset) {
      flush();
      doc.addContent(`1 0 0 1 ${number(pen + glyph.xOffset)} ${number(baseline + glyph.yOffset)} Tm`);
      atPen = false;
    } else if (!atPen) {
      flush();
      doc.addContent(`1 0 0 1 ${number(pen)} ${number(baseline)} Tm`);
      atPen = true;
    }
    const adjust = glyph.xAdvance - natural(glyph);
    tj.push(`<${code(glyph)}>`);
    if (Math.abs(adjust) > 1e-6) tj.push(`${number((-adjust * 1000) / size)}`);
    pen += glyph.xAdvance;
    // After an offset glyph, the next glyph starts again from the pen.
    if (glyph.xOffset || glyph.yOffset) {
      flush();
      atPen = false;
    }
  }
  flush();
  doc.addContent('ET');
  doc.restore();
}
