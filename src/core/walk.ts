import type { Block, Inline } from './model.ts';

/**
 * Calls `visit` for every block, nested ones included (list items, quotes, callouts, tips,
 * conversation prompts), depth first, in reading order. Exhaustive: a new block kind that
 * is not handled here is a compile error.
 */
export function forEachBlock(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block);
    switch (block.type) {
      case 'list':
      case 'tips':
        block.items.forEach((item) => forEachBlock(item.children, visit));
        break;
      case 'quote':
      case 'callout':
        forEachBlock(block.children, visit);
        break;
      case 'conversation':
        block.points.forEach((point) => forEachBlock(point.prompt, visit));
        break;
      case 'heading':
      case 'paragraph':
      case 'table':
      case 'checklist':
      case 'image':
      case 'rule':
      case 'hotline-list':
      case 'source-list':
        break;
      default:
        block satisfies never;
    }
  }
}

/**
 * Calls `visit` for every inline of a list of blocks, depth first, in reading order, and
 * `end` (if given) after each run of text a reader sees as one: a paragraph, heading, item or title.
 */
export function forEachInline(blocks: readonly Block[], visit: (inline: Inline) => void, end?: () => void): void {
  const walk = (list: readonly Inline[]): void => {
    for (const inline of list) {
      visit(inline);
      if ('children' in inline) walk(inline.children);
    }
  };
  const inlines = (list: readonly Inline[]): void => {
    walk(list);
    end?.();
  };
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        inlines(block.children);
        break;
      case 'list':
        block.items.forEach((item) => forEachInline(item.children, visit, end));
        break;
      case 'quote':
        forEachInline(block.children, visit, end);
        break;
      case 'table':
        block.header.forEach(inlines);
        block.rows.forEach((row) => row.forEach(inlines));
        break;
      case 'checklist':
        if (block.title) inlines(block.title);
        block.items.forEach((item) => inlines(item.children));
        break;
      case 'tips':
        if (block.title) inlines(block.title);
        block.items.forEach((item) => forEachInline(item.children, visit, end));
        break;
      case 'conversation':
        if (block.title) inlines(block.title);
        block.points.forEach((point) => {
          forEachInline(point.prompt, visit, end);
          if (point.listenFor) inlines(point.listenFor);
        });
        break;
      case 'callout':
        if (block.title) inlines(block.title);
        forEachInline(block.children, visit, end);
        break;
      case 'image':
      case 'rule':
      case 'hotline-list':
      case 'source-list':
        break;
    }
  }
}

/** The plain text of inlines; hotlines and citations give their id unless `refs` says otherwise. */
export function inlineText(list: readonly Inline[], refs?: (inline: Inline & { type: 'hotline' | 'citation' }) => string): string {
  return list
    .map((inline) => {
      switch (inline.type) {
        case 'text':
        case 'code':
          return inline.value;
        case 'break':
          return ' ';
        case 'hotline':
        case 'citation':
          return refs ? refs(inline) : inline.id;
        default:
          return inlineText(inline.children, refs);
      }
    })
    .join('');
}
