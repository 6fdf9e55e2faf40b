import { readToolkit } from '../core/read-toolkit.ts';
import { hasGap, translationStatus } from '../core/translation-status.ts';
import { printDiagnostics } from './print.ts';

/** Prints the translation status report per locale; gives the exit code. */
export async function runStatus(contentDir: string, strict: boolean): Promise<number> {
  const { toolkit, diagnostics, uiFiles, builtInUi } = await readToolkit(contentDir);
  if (!toolkit) {
    printDiagnostics(diagnostics.sorted(), contentDir);
    process.stderr.write('error: The content has errors; fix them first (npm run check).\n');
    return 1;
  }
  const statuses = translationStatus(toolkit, uiFiles, diagnostics, builtInUi);
  const out: string[] = [];
  for (const s of statuses) {
    out.push(`${s.code} (${s.name})${s.isDefault ? ' - source language' : ''}`);
    if (s.isDefault) {
      out.push(`  pages: ${s.pages}; handouts: ${s.handouts}`);
      out.push('  source hashes (write as translation.source in a translation):');
      for (const [file, hash] of Object.entries(s.sourceHashes)) out.push(`    ${file.padEnd(28)} source: "${hash}"`);
      continue;
    }
    out.push(`  pages translated: ${s.translated.length} of ${s.pages}`);
    out.push(`  missing (shown in the source language): ${s.missing.length ? s.missing.join(', ') : 'none'}`);
    out.push(`  outdated: ${s.outdated.length ? s.outdated.join(', ') : 'none'}`);
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
