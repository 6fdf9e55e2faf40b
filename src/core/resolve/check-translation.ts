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
      diagnostics.report('translation-missing', `Not translated into ${locale.name} (${locale.code}): ${locale.code}/${page.file.split('/').pop()} shows this ${source.name} page with a notice`, { file: page.file, line: 1, column: 1 });
      continue;
    }
    if (!original || !page.translation) continue;
    if (page.translation.outdated) {
      diagnostics.report(
        'translation-outdated',
        page.translation.sourceHash
          ? `Translates ${original.file} at ${page.translation.sourceHash}, but the source is now ${original.sourceHash}`
          : `Does not record which version of ${original.file} it translates (translation.source: ${original.sourceHash})`,
        page.translation.position,
      );
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
    const describe = (s: Shape | undefined) => (s ? `a ${s.kind} with ${s.count} item(s)` : 'nothing');
    diagnostics.report(
      'translation-structure',
      `Block ${i + 1} is ${describe(a)}, but ${original.file}:${b?.line ?? 1} has ${describe(b)}`,
      { file: page.file, line: a?.line ?? 1, column: 1 },
    );
  }
}
