/** @jsxRuntime automatic @jsxImportSource react */
import type { ReactNode } from 'react';
import { renderBlocks } from './parts/blocks.tsx';
import type { PrintContext } from './parts/print-context.ts';

/** Tips handout: the page's blocks in order, each tip beside a square bullet under its group's title. */
export function tipSheet(ctx: PrintContext): ReactNode {
  return renderBlocks(ctx.page.blocks, ctx, { gap: ctx.styles.gap * 1.5 });
}
