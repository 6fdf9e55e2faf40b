import type { Block, Inline, SourcePosition } from '../model.ts';
import { forEachRun, inlineText as plainText, type RunRole } from '../walk.ts';

// A hotline reads as a short name and a citation not at all, as a reader meets them.
const inlineText = (list: readonly Inline[]) => plainText(list, (ref) => (ref.type === 'hotline' ? 'the hotline' : ''));

/** A run of prose (a paragraph, a list item, a tip) with where it starts. */
export interface TextUnit {
  text: string;
  position: SourcePosition;
}

/** The runs that are prose: headings, block titles and table cells are not. */
const PROSE: ReadonlySet<RunRole> = new Set<RunRole>(['paragraph', 'item', 'listen-for']);

/**
 * The prose of a page, one unit per paragraph or item; headings, titles and tables are left
 * out unless `all` asks for every run of text (headings, block titles and table cells too).
 */
export function textUnits(blocks: readonly Block[], which: 'prose' | 'all' = 'prose'): TextUnit[] {
  const units: TextUnit[] = [];
  forEachRun(blocks, (run) => {
    if (which === 'prose' && !PROSE.has(run.role)) return;
    const text = inlineText(run.inlines).trim();
    if (text) units.push({ text, position: run.position });
  });
  return units;
}
