import type { Block, Inline, SourcePosition } from './model.ts';

/**
 * The one traversal of the model. `partsOf` and `inlineChildren` are the only places that know
 * which block and inline kinds hold what; every walk below is built on them, so a new kind that
 * is not handled there is a compile error, not a silent skip.
 */

/** What a run of inlines is to the block that holds it. */
export type RunRole = 'heading' | 'paragraph' | 'title' | 'item' | 'listen-for' | 'cell';

/** A run of inlines a reader sees as one: a paragraph, heading, item, title or table cell. */
export interface InlineRun {
  inlines: readonly Inline[];
  role: RunRole;
  /** Where the run starts: the item's or point's own line for items and "listen for", the block's otherwise. */
  position: SourcePosition;
  /** The block that holds the run. */
  block: Block;
}

/** One thing a block holds directly: a run of inlines, or a list of nested blocks. */
export type BlockPart = { run: InlineRun } | { blocks: readonly Block[] };

/** What a block holds directly, in reading order. Exhaustive over the block kinds. */
export function partsOf(block: Block): BlockPart[] {
  const run = (inlines: readonly Inline[], role: RunRole, position = block.position): BlockPart => ({ run: { inlines, role, position, block } });
  const title = (inlines: readonly Inline[] | undefined): BlockPart[] => (inlines ? [run(inlines, 'title')] : []);
  switch (block.type) {
    case 'heading':
      return [run(block.children, 'heading')];
    case 'paragraph':
      return [run(block.children, 'paragraph')];
    case 'list':
      return block.items.map((item) => ({ blocks: item.children }));
    case 'quote':
      return [{ blocks: block.children }];
    case 'table':
      return [...block.header, ...block.rows.flat()].map((cell) => run(cell, 'cell'));
    case 'checklist':
      return [...title(block.title), ...block.items.map((item) => run(item.children, 'item', item.position))];
    case 'tips':
      return [...title(block.title), ...block.items.map((item) => ({ blocks: item.children }))];
    case 'conversation':
      return [
        ...title(block.title),
        ...block.points.flatMap((point): BlockPart[] => [{ blocks: point.prompt }, ...(point.listenFor ? [run(point.listenFor, 'listen-for', point.position)] : [])]),
      ];
    case 'callout':
      return [...title(block.title), { blocks: block.children }];
    case 'image':
    case 'rule':
    case 'hotline-list':
    case 'source-list':
      return [];
    default:
      return block satisfies never;
  }
}

/** The inlines an inline holds (emphasis, strong, links), none for the others. Exhaustive over the inline kinds. */
export function inlineChildren(inline: Inline): readonly Inline[] {
  switch (inline.type) {
    case 'emphasis':
    case 'strong':
    case 'link':
    case 'page-link':
      return inline.children;
    case 'text':
    case 'code':
    case 'break':
    case 'hotline':
    case 'citation':
      return [];
    default:
      return inline satisfies never;
  }
}

/** What a walk calls; `ancestors` are the blocks around the current one, outermost first. */
export interface BlockVisitor {
  /** On entering a block, before what it holds; returning `'skip'` leaves out what it holds. */
  enter?(block: Block, ancestors: readonly Block[]): void | 'skip';
  /** For each run of inlines, in reading order. */
  run?(run: InlineRun, ancestors: readonly Block[]): void;
  /** On leaving a block, after what it holds. */
  leave?(block: Block, ancestors: readonly Block[]): void;
}

/** Walks blocks depth first, in reading order, nested blocks included (list items, quotes, callouts, tips, conversation prompts). */
export function walk(blocks: readonly Block[], visitor: BlockVisitor, ancestors: readonly Block[] = []): void {
  for (const block of blocks) {
    if (visitor.enter?.(block, ancestors) !== 'skip') {
      const inside = [...ancestors, block];
      for (const part of partsOf(block)) {
        if ('run' in part) visitor.run?.(part.run, inside);
        else walk(part.blocks, visitor, inside);
      }
    }
    visitor.leave?.(block, ancestors);
  }
}

/** Calls `visit` for every block, nested ones included, depth first, in reading order. */
export function forEachBlock(blocks: readonly Block[], visit: (block: Block, ancestors: readonly Block[]) => void): void {
  walk(blocks, { enter: (block, ancestors) => void visit(block, ancestors) });
}

/** Calls `visit` for every run of inlines of a list of blocks (nested blocks included), in reading order. */
export function forEachRun(blocks: readonly Block[], visit: (run: InlineRun, ancestors: readonly Block[]) => void): void {
  walk(blocks, { run: visit });
}

/** Calls `visit` for every inline of a list of inlines and the inlines inside them, depth first, in reading order. */
export function walkInlines(list: readonly Inline[], visit: (inline: Inline) => void): void {
  for (const inline of list) {
    visit(inline);
    walkInlines(inlineChildren(inline), visit);
  }
}

/**
 * Calls `visit` for every inline of a list of blocks, depth first, in reading order, and
 * `end` (if given) after each run of text a reader sees as one: a paragraph, heading, item or title.
 */
export function forEachInline(blocks: readonly Block[], visit: (inline: Inline) => void, end?: () => void): void {
  forEachRun(blocks, (run) => {
    walkInlines(run.inlines, visit);
    end?.();
  });
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
        case 'emphasis':
        case 'strong':
        case 'link':
        case 'page-link':
          return inlineText(inline.children, refs);
        default:
          return inline satisfies never;
      }
    })
    .join('');
}

/**
 * One handler per kind of a node union (blocks or inlines), as a writer's typed map: a map
 * that misses a kind does not compile. `A` are the arguments after the node.
 */
export type Handlers<N extends { type: string }, A extends unknown[], R> = { [K in N['type']]: (node: Extract<N, { type: K }>, ...args: A) => R };

/** Calls the handler of a node's kind. */
export function dispatch<N extends { type: string }, A extends unknown[], R>(handlers: Handlers<N, A, R>, node: N, ...args: A): R {
  // Note: TypeScript cannot tie `handlers[node.type]` to `node`'s own kind; the map's type does.
  const handler = handlers[node.type as N['type']] as (node: N, ...args: A) => R;
  return handler(node, ...args);
}
