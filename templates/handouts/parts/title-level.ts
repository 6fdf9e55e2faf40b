import type { Block } from '../../../src/core/model.ts';
import type { PrintContext } from './print-context.ts';

const titleLevels = new WeakMap<readonly Block[], WeakMap<Block, number>>();

/** The blocks a block holds, in reading order. */
function innerBlocks(block: Block): Block[] {
  switch (block.type) {
    case 'list':
    case 'tips':
      return block.items.flatMap((item) => item.children);
    case 'quote':
    case 'callout':
      return block.children;
    case 'conversation':
      return block.points.flatMap((point) => point.prompt);
    default:
      return [];
  }
}

/** The heading level of a checklist's, tips' or conversation's title: one under the last heading before it, as on the site. */
export function titleLevel(ctx: PrintContext, block: Block): number {
  let levels = titleLevels.get(ctx.page.blocks);
  if (!levels) {
    const found = new WeakMap<Block, number>();
    let depth = 1;
    const walk = (blocks: readonly Block[]) => {
      for (const b of blocks) {
        if (b.type === 'heading') depth = b.depth;
        if (b.type === 'checklist' || b.type === 'tips' || b.type === 'conversation') found.set(b, Math.min(depth + 1, 6));
        walk(innerBlocks(b));
      }
    };
    walk(ctx.page.blocks);
    titleLevels.set(ctx.page.blocks, (levels = found));
  }
  return levels.get(block) ?? 2;
}
