import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { Block } from '../model.ts';
import { forEachBlock } from '../walk.ts';

/**
 * Reports a heading that skips a level (`##` followed by `####`): screen reader users move by
 * heading level, and a skipped one reads as a missing section. The page title is level 1.
 */
export function reportHeadingSkips(blocks: readonly Block[], diagnostics: Diagnostics): void {
  let previous = 1;
  forEachBlock(blocks, (block) => {
    if (block.type !== 'heading') return;
    if (block.depth > previous + 1) diagnostics.report('heading-skip', { depth: block.depth, previous }, block.position);
    previous = block.depth;
  });
}
