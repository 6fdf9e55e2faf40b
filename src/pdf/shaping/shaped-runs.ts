import type { FontkitFont, LayoutRun } from './fontkit-types.ts';
import { shapeText } from './harfbuzz-shape.ts';

/** Shaped runs kept per font before the oldest half is dropped (a handout has a few hundred). */
const MAX_RUNS_PER_FONT = 20_000;

const memo = new WeakMap<FontkitFont, Map<string, LayoutRun>>();

/** The memo key of a run: its feature settings, then its text. */
function runKey(text: string, features: unknown): string {
  return features === undefined ? `\u0000${text}` : `${JSON.stringify(features)}\u0000${text}`;
}

/**
 * `shapeText`, remembered per font, text and features. Shaping is in font units, so it does not
 * depend on the font size: a handout laid out again at a smaller body size, the footer measured and
 * then laid out, and every handout printing the same chrome shape each run once per thread.
 * Note: textkit keeps the arrays it is given (an inline image's glyph is replaced in place), and
 * pdfkit's own text drawing scales the positions it gets in place, so each caller gets its own
 * arrays and positions; the glyph objects are shared and only ever read.
 */
export function shapeTextRemembered(font: FontkitFont, text: string, features?: unknown): LayoutRun {
  let runs = memo.get(font);
  if (!runs) memo.set(font, (runs = new Map()));
  const key = runKey(text, features);
  let run = runs.get(key);
  if (!run) {
    run = shapeText(font, text, features);
    if (runs.size >= MAX_RUNS_PER_FONT) for (const old of [...runs.keys()].slice(0, MAX_RUNS_PER_FONT / 2)) runs.delete(old);
    runs.set(key, run);
  }
  return { glyphs: run.glyphs.slice(), positions: run.positions.map((position) => ({ ...position })), advanceWidth: run.advanceWidth };
}
