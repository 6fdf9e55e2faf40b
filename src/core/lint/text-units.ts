import type { Block, SourcePosition } from '../model.ts';
import { inlineText as plainText } from '../walk.ts';
import type { Inline } from '../model.ts';

// A hotline reads as a short name and a citation not at all, as a reader meets them.
const inlineText = (list: readonly Inline[]) => plainText(list, (ref) => (ref.type === 'hotline' ? 'the hotline' : ''));

/** A run of prose (a paragraph, a list item, a tip) with where it starts. */
export interface TextUnit {
  text: string;
  position: SourcePosition;
}

/** The prose of a page, one unit per paragraph or item; headings and titles are left out. */
export function textUnits(blocks: readonly Block[]): TextUnit[] {
  const units: TextUnit[] = [];
  const add = (text: string, position: SourcePosition) => {
    if (text.trim()) units.push({ text: text.trim(), position });
  };
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        add(inlineText(block.children), block.position);
        break;
      case 'list':
      case 'tips':
        block.items.forEach((item) => units.push(...textUnits(item.children)));
        break;
      case 'checklist':
        block.items.forEach((item) => add(inlineText(item.children), item.position));
        break;
      case 'conversation':
        block.points.forEach((point) => {
          units.push(...textUnits(point.prompt));
          if (point.listenFor) add(inlineText(point.listenFor), point.position);
        });
        break;
      case 'quote':
      case 'callout':
        units.push(...textUnits(block.children));
        break;
      default:
        break;
    }
  }
  return units;
}
