import { readToolkit } from '../core/read-toolkit.ts';
import { hasGap, translationStatus } from '../core/translation-status.ts';
import { acceptTranslation, changedBlocks, readAccepted, type BlockChange } from '../core/translation/accept.ts';
import { printDiagnostics } from './print.ts';

const MAX_CHANGES = 6;
const clip = (text = '', length = 70) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The short diff of one outdated translation: which source blocks changed since it was accepted. */
function describeChanges(changes: BlockChange[] | undefined): string[] {
  if (!changes) return ['      (no record of the source it was made from: update it, then run kitpress translate accept)'];
  if (!changes.length) return ['      (only the way it is written changed: run kitpress translate accept)'];
  const lines = changes.slice(0, MAX_CHANGES).map((c) => {
    const where = c.line ? `line ${c.line} ` : '';
    if (c.change === 'added') return `      + ${where}${c.kind}: "${clip(c.after)}"`;
    if (c.change === 'removed') return `      - ${c.kind}: "${clip(c.before)}"`;
    return `      ~ ${where}${c.kind}: "${clip(c.before, 34)}" -> "${clip(c.after, 34)}"`;
  });
  if (changes.length > MAX_CHANGES) lines.push(`      … and ${changes.length - MAX_CHANGES} more`);
  return lines;
}

/** Prints the translation status report per locale; gives the exit code. */
export async function runStatus(contentDir: string, strict: boolean, accept?: string): Promise<number> {
  if (accept) {
    const version = await acceptTranslation(contentDir, accept);
    process.stdout.write(`Accepted ${accept}: it translates its source as it is now (${version}).\n`);
  }
  const { toolkit, diagnostics, uiFiles, builtInUi } = await readToolkit(contentDir);
  if (!toolkit) {
    printDiagnostics(diagnostics.sorted(), contentDir);
    process.stderr.write('error: The content has errors; fix them first (npm run check).\n');
    return 1;
  }
  const statuses = translationStatus(toolkit, uiFiles, diagnostics, builtInUi);
  const source = toolkit.locales.find((l) => l.isDefault)!;
  const out: string[] = [];
  for (const s of statuses) {
    out.push(`${s.code} (${s.name})${s.isDefault ? ' - source language' : ''}`);
    if (s.isDefault) {
      out.push(`  pages: ${s.pages}; handouts: ${s.handouts}`);
      out.push('  after translating a page, record it with: kitpress translate accept <locale>/<page>.md');
      continue;
    }
    out.push(`  pages translated: ${s.translated.length} of ${s.pages}`);
    out.push(`  missing (shown in the source language): ${s.missing.length ? s.missing.join(', ') : 'none'}`);
    out.push(`  outdated: ${s.outdated.length ? s.outdated.join(', ') : 'none'}`);
    for (const file of s.outdated) {
      const locale = toolkit.locales.find((l) => l.code === s.code)!;
      const page = locale.pages.find((p) => p.file === file)!;
      const original = source.pages.find((p) => p.slug === page.slug)!;
      const record = await readAccepted(contentDir, file);
      out.push(`    ${file}: ${original.file} changed since it was translated`);
      out.push(...describeChanges(record ? changedBlocks(record, original) : undefined));
    }
    out.push(`  handouts complete: ${s.handoutsComplete} of ${s.handouts}`);
    out.push(`  review: ${s.drafts.length} draft page(s)${s.drafts.length ? ` (${s.drafts.join(', ')})` : ''}; interface strings ${s.uiReview}`);
    out.push(`  missing interface strings: ${s.missingStrings.length ? s.missingStrings.join(', ') : 'none'}`);
    if (s.structureWarnings) out.push(`  structure differs from the source: ${s.structureWarnings} place(s) (see npm run check)`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  const gaps = statuses.filter(hasGap);
  if (strict && gaps.length) {
    process.stderr.write(`error: ${gaps.map((g) => g.code).join(', ')} have gaps (missing, outdated or structure), and --strict was given.\n`);
    return 1;
  }
  return 0;
}
