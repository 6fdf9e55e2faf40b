import type { SourcePosition } from '../model.ts';
import { catalogue, wording, type RuleId, type RuleParams, type Severity } from './catalogue.ts';

/** One problem found in an author's content, with where it is and how to fix it. */
export interface Diagnostic {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  hint: string;
  /** File relative to the content folder; line and column are 1-based (0 when unknown). */
  place: SourcePosition;
}

/** Collects diagnostics during a build; stages report into it, the CLI prints it. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  /** Records a diagnostic from the catalogue at a place; the catalogue words it from `params`. */
  report<R extends RuleId>(ruleId: R, params: RuleParams<R>, place: SourcePosition): Diagnostic {
    const { message, hint } = wording(ruleId, params);
    const diagnostic: Diagnostic = { ruleId, severity: catalogue[ruleId].severity, message, hint, place };
    this.list.push(diagnostic);
    return diagnostic;
  }

  /** True when at least one error was reported. */
  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }

  /** Diagnostics sorted by file, line and column. */
  sorted(): Diagnostic[] {
    return [...this.list].sort(
      (a, b) =>
        a.place.file.localeCompare(b.place.file) || a.place.line - b.place.line || a.place.column - b.place.column,
    );
  }
}

/** Formats one diagnostic as `file:line:col  severity  message  rule`, with its hint below for errors and warnings. */
export function formatDiagnostic(d: Diagnostic, root = 'content'): string {
  const where = `${root ? `${root}/` : ''}${d.place.file}:${d.place.line}:${d.place.column}`;
  const line = `${where}  ${d.severity}  ${d.message}  ${d.ruleId}`;
  // An info line reports, it asks nothing of the author: no hint.
  return d.severity === 'info' ? line : `${line}\n    hint: ${d.hint}`;
}

/** A failure the CLI reports as a message, never as a stack trace. */
export class KitpressError extends Error {
  readonly hint: string;
  readonly diagnostics: Diagnostic[];

  // Note: fields are declared, not parameter properties, so Node can run this file by stripping types.
  constructor(message: string, hint: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'KitpressError';
    this.hint = hint;
    this.diagnostics = diagnostics;
  }
}
