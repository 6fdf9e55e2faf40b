import type { Block } from '../../../src/core/model.ts';
import { forEachBlock } from '../../../src/core/walk.ts';
import type { PrintContext } from './print-context.ts';

const titleLevels = new WeakMap<readonly Block[], WeakMap<Block, number>>();

/** The heading level of a checklist's, tips' or conversation's title: one under the last heading before it, as on the site. */
export function titleLevel(ctx: PrintContext, block: Block): number {
  let levels = titleLevels.get(ctx.page.blocks);
  if (!levels) {
    const found = new WeakMap<Block, number>();
    let depth = 1;
    forEachBlock(ctx.page.blocks, (b) => {
      if (b.type === 'heading') depth = b.depth;
      if (b.type === 'checklist' || b.type === 'tips' || b.type === 'conversation') found.set(b, Math.min(depth + 1, 6));
    });
    titleLevels.set(ctx.page.blocks, (levels = found));
  }
  return levels.get(block) ?? 2;
}
