/** The parts of a pdfkit document that switching fonts touches. */
interface FontState {
  _font: { name?: string } | null;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontCount: number;
  _fontFamilies: Record<string, unknown>;
  font(src: unknown, family?: unknown, size?: number): unknown;
  fontSize(size: number): unknown;
}

/**
 * Makes `doc.font(fontkitFont, size)` remember the embedded font it settles on for each font
 * object. react-pdf calls it for every run of text; pdfkit keys its font cache by name strings
 * only, so for a font object it made a new embedded font (with a new subset) each time and
 * compared its name table as JSON with the one it already had (about 2% of a handout's render).
 * The remembered path leaves the document as pdfkit's own does: the same font, the same source and
 * size, and the font counter counted on, so every later font gets the id it always got.
 */
export function rememberFonts(doc: object): void {
  const state = doc as FontState;
  const original = state.font.bind(doc);
  const embedded = new Map<object, FontState['_font']>();
  state.font = (src: unknown, family?: unknown, size?: number) => {
    const known = typeof src === 'object' && src !== null && typeof family === 'number' && size === undefined ? embedded.get(src) : undefined;
    if (!known) {
      original(src, family, size);
      const font = state._font;
      // Only a font pdfkit itself would find again by name (one font per name) is remembered.
      if (typeof src === 'object' && src !== null && typeof family === 'number' && size === undefined && font?.name && state._fontFamilies[font.name] === font) embedded.set(src, font);
      return doc;
    }
    state._fontSource = src;
    state._fontFamily = null;
    state.fontSize(family as number);
    state._fontCount += 1;
    state._font = known;
    return doc;
  };
}
