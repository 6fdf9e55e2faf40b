import bidiFactory from 'bidi-js';
import * as hb from 'harfbuzzjs';
import type { ClusterPart, FontkitFont, LayoutGlyph, LayoutPosition, LayoutRun } from './fontkit-types.ts';

/** Characters of scripts written right to left. */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

const hbFonts = new WeakMap<FontkitFont, hb.Font>();

const bidi = bidiFactory();

/**
 * The one HarfBuzz buffer every run is shaped in, reset before each.
 * Note: a buffer made per run is freed only by a finalizer, which cannot run while react-pdf lays
 * out a whole document synchronously: the buffers piled up in HarfBuzz's memory, which never shrinks.
 */
let sharedBuffer: hb.Buffer | undefined;

/**
 * Right-to-left text as it was before textkit's bidi step replaced each bracket by its mirror
 * (`(` by `)`): HarfBuzz mirrors the characters of a right-to-left buffer itself, and mirrored
 * twice a bracket showed the wrong way round. Mirroring pairs swap, so mirroring again undoes it.
 */
export function unmirror(text: string): string {
  return Array.from(text, (char) => bidi.getMirroredCharacter(char) ?? char).join('');
}

/** The HarfBuzz font made from the same bytes as a fontkit font (once per font). */
function harfbuzzFont(font: FontkitFont): hb.Font {
  let hbFont = hbFonts.get(font);
  if (!hbFont) {
    hbFont = new hb.Font(new hb.Face(new hb.Blob(font.stream.buffer), 0));
    hbFonts.set(font, hbFont);
  }
  return hbFont;
}

/** fontkit's feature settings (`{ ccmp: false }` or `['liga']`) as HarfBuzz features. */
function harfbuzzFeatures(features: unknown): hb.Feature[] {
  if (Array.isArray(features)) return features.map((tag: string) => new hb.Feature(tag, 1));
  if (features && typeof features === 'object') return Object.entries(features).map(([tag, on]) => new hb.Feature(tag, on ? 1 : 0));
  return [];
}

/**
 * Shapes a run of text with HarfBuzz, as Chromium and Firefox do, and returns it the way
 * fontkit's `layout()` does for react-pdf: glyphs in logical order, positions in font units.
 * Note: each cluster (a letter with its dots and marks, or a ligature) is one glyph for the
 * layout, carrying the cluster's code points and total advance; the glyphs HarfBuzz drew for it
 * travel in `parts` and are drawn by `drawGlyphs`. react-pdf's textkit cannot slice a run
 * between two glyphs of one character (it would drop the base letter at a line start), and one
 * layout glyph per cluster gives the text layer one entry per character sequence.
 */
export function shapeText(font: FontkitFont, text: string, features?: unknown): LayoutRun {
  const buffer = (sharedBuffer ??= new hb.Buffer());
  buffer.reset();
  const rtl = RTL.test(text);
  // The layout keeps textkit's string (its indices); HarfBuzz gets the logical characters.
  buffer.addText(rtl ? unmirror(text) : text);
  buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.guessSegmentProperties();
  hb.shape(harfbuzzFont(font), buffer, harfbuzzFeatures(features));
  const shaped = buffer.getGlyphInfosAndPositions();

  // Group glyphs by cluster (HarfBuzz gives visual order: clusters descend in RTL).
  const groups: { cluster: number; parts: ClusterPart[] }[] = [];
  for (const g of shaped) {
    const part: ClusterPart = { id: g.codepoint, xAdvance: g.xAdvance ?? 0, yAdvance: g.yAdvance ?? 0, xOffset: g.xOffset ?? 0, yOffset: g.yOffset ?? 0 };
    const last = groups[groups.length - 1];
    if (last && last.cluster === g.cluster) last.parts.push(part);
    else groups.push({ cluster: g.cluster, parts: [part] });
  }
  if (rtl) groups.reverse();

  const glyphs: LayoutGlyph[] = [];
  const positions: LayoutPosition[] = [];
  let advanceWidth = 0;
  groups.forEach((group, i) => {
    const end = groups[i + 1]?.cluster ?? text.length;
    const codePoints = Array.from(text.slice(group.cluster, Math.max(end, group.cluster)), (c) => c.codePointAt(0)!);
    const xAdvance = group.parts.reduce((sum, p) => sum + p.xAdvance, 0);
    const yAdvance = group.parts.reduce((sum, p) => sum + p.yAdvance, 0);
    // Note: textkit resets every position's yOffset after layout, so offset glyphs keep theirs in parts.
    if (group.parts.length === 1 && !group.parts[0]!.xOffset && !group.parts[0]!.yOffset) {
      const [only] = group.parts as [ClusterPart];
      // advanceWidth is the glyph's own (hmtx) advance, as fontkit gives it; kerning lives in the position.
      glyphs.push({ id: only.id, codePoints, advanceWidth: font.getGlyph(only.id).advanceWidth });
      positions.push({ xAdvance, yAdvance, xOffset: 0, yOffset: 0 });
    } else {
      glyphs.push({ id: group.parts[0]!.id, codePoints, advanceWidth: xAdvance, parts: group.parts });
      positions.push({ xAdvance, yAdvance, xOffset: 0, yOffset: 0 });
    }
    advanceWidth += xAdvance;
  });
  return { glyphs, positions, advanceWidth };
}
