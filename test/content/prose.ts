import type { Block, Inline } from '../../src/core/model.ts';
import { inlineText } from '../../src/core/walk.ts';

/** A run of prose as a reader meets it, with the blocks it came from. */
export interface ProseUnit {
  /** The text; a citation shows as `[cite:id]` when asked for, otherwise it is left out. */
  text: string;
  /** The line of the author's file it starts on. */
  line: number;
}

/** How citations and hotlines read in prose. */
export interface ProseOptions {
  /** Keep citations as `[cite:id]` markers (for the citation test); readers skip them otherwise. */
  citations?: boolean;
}

const text = (list: readonly Inline[], options: ProseOptions) =>
  // A hotline reads as a short name, as the core's reading grade reads it; its numbers are not prose.
  inlineText(list, (ref) => (ref.type === 'hotline' ? 'the hotline' : options.citations ? `[cite:${ref.id}]` : '')).replace(/\s+/g, ' ').trim();

/** Ends a fragment as a sentence, the way a reader hears a checklist line. */
const asSentence = (line: string) => (/[.!?:]["”’)\]]*$/.test(line) ? line : `${line}.`);

/**
 * The prose of a page for measuring and checking, by the rules of issue 14: headings and
 * block titles are left out; every checklist item counts as a sentence of its own; the items
 * of any other list run on as one text, so a sentence ends only where its punctuation ends it
 * (a list that finishes a sentence begun above it is one sentence). Tables are not prose.
 */
export function proseUnits(blocks: readonly Block[], options: ProseOptions = {}): ProseUnit[] {
  const units: ProseUnit[] = [];
  const add = (value: string, line: number) => {
    if (value) units.push({ text: value, line });
  };
  /** A list's items joined into the text before it, when the text before it leads into the list. */
  const runOn = (items: readonly { children: readonly Block[] }[], line: number) =>
    add(items.map((item) => proseUnits(item.children, options).map((u) => u.text).join(' ')).join(' '), line);
  for (const [index, block] of blocks.entries()) {
    switch (block.type) {
      case 'paragraph': {
        const next = blocks[index + 1];
        // "Signs such as:" and the bullets that finish it are one sentence.
        if (next?.type === 'list' && /:\s*$/.test(text(block.children, options))) {
          const items = next.items.map((item) => proseUnits(item.children, options).map((u) => u.text).join(' '));
          add(`${text(block.children, options)} ${items.join(' ')}`, block.position.line);
        } else add(text(block.children, options), block.position.line);
        break;
      }
      case 'list': {
        const previous = blocks[index - 1];
        if (previous?.type === 'paragraph' && /:\s*$/.test(text(previous.children, options))) break;
        runOn(block.items, block.position.line);
        break;
      }
      case 'tips':
        runOn(block.items, block.position.line);
        break;
      case 'checklist':
        for (const item of block.items) add(asSentence(text(item.children, options)), item.position.line);
        break;
      case 'conversation':
        add(
          block.points.map((point) => [proseUnits(point.prompt, options).map((u) => u.text).join(' '), point.listenFor ? text(point.listenFor, options) : ''].join(' ').trim()).join(' '),
          block.position.line,
        );
        break;
      case 'quote':
      case 'callout':
        units.push(...proseUnits(block.children, options));
        break;
      case 'heading':
      case 'table':
      case 'image':
      case 'rule':
      case 'hotline-list':
      case 'source-list':
        break;
      default:
        block satisfies never;
    }
  }
  return units;
}
