import { relative, resolve } from 'node:path';
import { formatDiagnostic, KitpressError, type Diagnostic } from '../core/diagnostics/diagnostic.ts';
import type { PageReadability } from '../core/lint/lint-page.ts';

/** Prints diagnostics to stderr, one `file:line:col  severity  message  rule` line each; `quiet` leaves out info lines. */
export function printDiagnostics(diagnostics: Diagnostic[], contentDir: string, options: { quiet?: boolean | undefined } = {}): void {
  const root = relative(process.cwd(), resolve(contentDir)) || '.';
  for (const d of diagnostics) if (!options.quiet || d.severity !== 'info') process.stderr.write(`${formatDiagnostic(d, root)}\n`);
}

/** Prints a failure as words and a hint, never a stack trace, and gives the exit code. */
export function printError(error: unknown, contentDir = 'content'): number {
  if (error instanceof KitpressError) {
    printDiagnostics(error.diagnostics, contentDir);
    process.stderr.write(`error: ${error.message}\n  hint: ${error.hint}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n  hint: This looks like a bug in Kitpress. Run again with KITPRESS_DEBUG=1 to see details, and report it.\n`);
  if (process.env.KITPRESS_DEBUG) console.error(error);
  return 2;
}

/** Prints each page's reading grade, marking handouts above `target` (passed in, so printing never loads retext). */
export function printGrades(grades: PageReadability[], target: number): void {
  if (!grades.length) return;
  process.stderr.write('Reading level (Flesch-Kincaid US grade):\n');
  for (const g of grades) {
    const mark = g.handout ? (g.grade > target ? `  handout, above ${target}` : '  handout') : '';
    process.stderr.write(`  ${g.file.padEnd(30)} grade ${g.grade.toFixed(1).padStart(4)}  ${String(g.words).padStart(5)} words${mark}\n`);
  }
}
