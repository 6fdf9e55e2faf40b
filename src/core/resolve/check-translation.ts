import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { Block, Locale, Page } from '../model.ts';
import { forEachBlock } from '../walk.ts';

interface Shape { kind: string; count: number; line: number }

/** Lists the handout blocks of a page, nested ones included (a checklist in a callout), with how many items each holds. */
function shapeOf(blocks: readonly Block[]): Shape[] {
  const shapes: Shape[] = [];
  forEachBlock(blocks, (block) => {
    if (block.type === 'checklist' || block.type === 'tips') shapes.push({ kind: block.type, count: block.items.length, line: block.position.line });
    else if (block.type === 'conversation') shapes.push({ kind: block.type, count: block.points.length, line: block.position.line });
  });
  return shapes;
}

/** Warns when a translation is outdated or its handout blocks differ from its source's. */
export function checkTranslation(locale: Locale, source: Locale, diagnostics: Diagnostics): void {
  const sourcePages = new Map(source.pages.map((p) => [p.slug, p]));
  for (const page of locale.pages) {
    const original = sourcePages.get(page.slug);
    if (page.fallback) {
      diagnostics.report('translation-missing', { language: locale.name, code: locale.code, file: page.file.split('/').pop()!, sourceLanguage: source.name }, { file: page.file, line: 1, column: 1 });
      continue;
    }
    if (!original || !page.translation) continue;
    if (page.translation.outdated) {
      diagnostics.report('translation-outdated', { source: original.file, recorded: page.translation.sourceHash, now: original.sourceHash }, page.translation.position);
    }
    compareShapes(page, original, diagnostics);
  }
}

function compareShapes(page: Page, original: Page, diagnostics: Diagnostics): void {
  const mine = shapeOf(page.blocks);
  const theirs = shapeOf(original.blocks);
  const length = Math.max(mine.length, theirs.length);
  for (let i = 0; i < length; i++) {
    const a = mine[i];
    const b = theirs[i];
    if (a && b && a.kind === b.kind && a.count === b.count) continue;
    diagnostics.report('translation-structure', { block: i + 1, shape: a, source: original.file, sourceLine: b?.line ?? 1, sourceShape: b }, { file: page.file, line: a?.line ?? 1, column: 1 });
  }
}
