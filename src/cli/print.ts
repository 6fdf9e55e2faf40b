import { formatDiagnostic, KitpressError, type Diagnostic } from '../core/diagnostics/diagnostic.ts';

/** Prints diagnostics to stderr, one `file:line:col  severity  message  rule` line each. */
export function printDiagnostics(diagnostics: Diagnostic[], contentDir: string): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d, contentDir.replace(/\/+$/, ''))}\n`);
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
