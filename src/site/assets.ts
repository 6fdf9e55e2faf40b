import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Toolkit } from '../core/model.ts';
import { forEachBlock } from '../core/walk.ts';

/** Copies every image a page uses (nested ones too: in callouts, tips, conversation points) from `content/assets/` to `<site>/assets/`. */
export async function copyAssets(toolkit: Toolkit, contentDir: string, outDir: string): Promise<number> {
  const sources = new Set<string>();
  for (const locale of toolkit.locales) {
    for (const page of locale.pages) {
      forEachBlock(page.blocks, (block) => {
        if (block.type === 'image') sources.add(block.src);
      });
    }
  }
  for (const src of sources) {
    const target = join(outDir, 'assets', src);
    // Note: the reader refuses paths that leave content/assets/ (check-images.ts); this is the last guard.
    if (relative(join(outDir, 'assets'), target).startsWith('..')) throw new Error(`Image path escapes the output: ${src}`);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(contentDir, 'assets', src), target);
  }
  return sources.size;
}
