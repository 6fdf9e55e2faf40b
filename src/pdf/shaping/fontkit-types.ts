/** The parts of a fontkit glyph that react-pdf's text layout and drawing read. */
export interface LayoutGlyph {
  id: number;
  codePoints: number[];
  /** Advance in font units. */
  advanceWidth: number;
  /** The glyphs HarfBuzz drew for this cluster, in visual order, when there are more than one. */
  parts?: ClusterPart[];
}

/** One glyph of a shaped cluster, positioned in font units relative to the cluster's pen position. */
export interface ClusterPart {
  id: number;
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A glyph position in font units (fontkit's `GlyphPosition`). */
export interface LayoutPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** What `font.layout()` returns to react-pdf's textkit. */
export interface LayoutRun {
  glyphs: LayoutGlyph[];
  positions: LayoutPosition[];
  advanceWidth: number;
}

/** A fontkit TrueType font, as far as shaping needs it. */
export interface FontkitFont {
  unitsPerEm: number;
  stream: { buffer: Uint8Array };
  getGlyph(id: number, codePoints?: number[]): { advanceWidth: number };
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): LayoutRun;
}
