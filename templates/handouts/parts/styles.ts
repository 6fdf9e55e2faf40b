import type { Style } from '@react-pdf/types';
import type { Direction } from '../../../src/core/model.ts';
import { INCH } from '../../../src/pdf/paper.ts';

/** Margins of every sheet, in points: at least half an inch everywhere for office printers. */
export const margins = {
  side: 0.6 * INCH,
  top: 0.8 * INCH,
  /** The running header and the footer sit this far from the sheet's edge. */
  edge: 0.5 * INCH,
};

/** Size of the interface words in the header and footer, in points. */
export const CHROME_SIZE = 10;

/** Line height of the handout title, as a multiple of its size. */
export const TITLE_LINE_HEIGHT = 1.15;

/** Black on white only: meaning is carried by words, shapes and weight, never by colour. */
export const ink = { text: '#000000', rule: '#000000', tint: '#eeeeee', faint: '#777777' };

/**
 * Text styles set `fontSize` and `lineHeight` together (0: the font's own line height).
 * Note: react-pdf resolves styles again on every page it lays out, multiplying `lineHeight` by
 * the font size each time. Text laid out in the first pass keeps its lines, but text laid out
 * later (inside `fixed` elements, or with `render`) gets lines thousands of points tall, and
 * the footer and page numbers vanish. Header and footer text therefore uses line height 0.
 */
const text = (fontSize: number, lineHeight: number, dir: Direction, extra: Style = {}): Style => ({
  fontSize,
  ...(lineHeight ? { lineHeight: `${+(fontSize * lineHeight).toFixed(2)}pt` } : {}),
  ...(dir === 'rtl' ? { direction: 'rtl', textAlign: 'right' } : { textAlign: 'left' }),
  ...extra,
});

/** The styles of a handout at a body size, for the page text's and the interface's directions. */
export function createStyles(fontSize: number, dir: Direction, chromeDir: Direction) {
  const gap = fontSize * 0.6;
  return {
    gap,
    row: { flexDirection: dir === 'rtl' ? 'row-reverse' : 'row' } satisfies Style,
    chromeRow: { flexDirection: chromeDir === 'rtl' ? 'row-reverse' : 'row' } satisfies Style,
    body: text(fontSize, 1.4, dir),
    // Never below 11 pt: tables, hours, sources and card labels are body text too.
    small: text(Math.max(fontSize - 1, 11), 1.35, dir),
    heading: {
      2: text(fontSize * 1.35, 1.25, dir, { fontWeight: 700 }),
      3: text(fontSize * 1.15, 1.25, dir, { fontWeight: 700 }),
      4: text(fontSize, 1.3, dir, { fontWeight: 700 }),
    } satisfies Record<2 | 3 | 4, Style>,
    /** Title of a checklist, tips or conversation block. */
    groupTitle: text(fontSize * 1.2, 1.25, dir, { fontWeight: 700, marginBottom: fontSize * 0.4 }),
    title: text(fontSize * 1.85, TITLE_LINE_HEIGHT, chromeDir, { fontWeight: 700 }),
    organisation: text(CHROME_SIZE + 1, 1.3, chromeDir, { letterSpacing: 0.3 }),
    chrome: text(CHROME_SIZE, 0, chromeDir),
    chromeBold: text(CHROME_SIZE, 0, chromeDir, { fontWeight: 700 }),
  };
}

/** The styles object `createStyles` gives. */
export type HandoutStyles = ReturnType<typeof createStyles>;
