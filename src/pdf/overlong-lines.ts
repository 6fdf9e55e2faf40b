import type { SourcePosition } from '../core/model.ts';
import { SOURCE_PROP } from '../../templates/handouts/parts/source-tag.ts';
import type { LayoutNode } from './pdf-bytes.ts';

/** A printed line wider than the room it has: its text runs past the edge of the column or page. */
export interface OverlongLine {
  /** The line's text, without the spaces at its end. */
  text: string;
  /** How wide the text is and how wide the room is, in points. */
  width: number;
  room: number;
  /** The sheet it is on, 1-based. */
  sheet: number;
  /** Where the element it is in comes from, when it can be told. */
  position?: SourcePosition;
}

/** A line of laid-out text as react-pdf's textkit leaves it (only what Kitpress reads). */
interface TextLine {
  string: string;
  box?: { width: number };
  xAdvance?: number;
  runs?: Array<{ positions?: Array<{ xAdvance: number }> }>;
}

/** Points a line may be wider than its room before it counts: rounding, a trailing space (about 3 pt). */
const TOLERANCE = 4;

/** The width of a line's glyphs, leaving out the spaces at its end (they print nothing). */
function inkWidth(line: TextLine): number {
  const advances = (line.runs ?? []).flatMap((run) => run.positions ?? []).map((p) => p.xAdvance);
  const trailing = line.string.length - line.string.trimEnd().length;
  // Note: one glyph per character here (Latin, Arabic joined forms may differ): the trailing
  // spaces are only dropped when the counts match; otherwise the whole advance is used.
  const counted = advances.length === line.string.length ? advances.slice(0, advances.length - trailing) : advances;
  return counted.reduce((sum, advance) => sum + advance, 0) || (line.xAdvance ?? 0);
}

/**
 * Every line of a laid-out handout whose text is wider than its line box: a word (a long web
 * address, a very long compound) that cannot break and so would be cut off at the edge.
 */
export function overlongLines(layout: LayoutNode, file: string): OverlongLine[] {
  const found: OverlongLine[] = [];
  const visit = (node: LayoutNode, sheet: number, tag: string | undefined) => {
    const own = node.props?.[SOURCE_PROP];
    const here = typeof own === 'string' ? own : tag;
    const lines = (node as { lines?: TextLine[] }).lines ?? [];
    for (const line of lines) {
      const room = line.box?.width;
      if (room === undefined) continue;
      const width = inkWidth(line);
      if (width <= room + TOLERANCE) continue;
      const entry: OverlongLine = { text: line.string.trimEnd(), width: Math.ceil(width), room: Math.floor(room), sheet };
      if (here) {
        const [l, c] = here.split(':').map(Number);
        entry.position = { file, line: l ?? 1, column: c ?? 1 };
      }
      found.push(entry);
    }
    for (const child of node.children ?? []) visit(child, sheet, here);
  };
  (layout.children ?? []).forEach((sheet, index) => visit(sheet, index + 1, undefined));
  return found;
}
