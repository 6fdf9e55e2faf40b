import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { SourcePosition } from '../model.ts';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/catalogue.ts';

/** A YAML text parsed with positions, so a bad value can be reported at its line. */
export interface YamlSource {
  file: string;
  doc: Document;
  lines: LineCounter;
  /** Line offset added to every position (front matter starts after `---`). */
  lineOffset: number;
}

/** Parses YAML; syntax errors are reported as `syntaxRule` and give `undefined`. */
export function parseYaml(
  text: string,
  file: string,
  diagnostics: Diagnostics,
  syntaxRule: RuleId,
  lineOffset = 0,
): YamlSource | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = lines.linePos(error.pos[0]);
      const first = error.message.split('\n')[0] ?? error.message;
      diagnostics.report(syntaxRule, `YAML syntax: ${first}`, { file, line: pos.line + lineOffset, column: pos.col });
    }
    return undefined;
  }
  return { file, doc, lines, lineOffset };
}

/** The position of the value at a key path, or of the nearest parent that exists. */
export function positionOf(source: YamlSource, path: readonly PropertyKey[]): SourcePosition {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = source.doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      const pos = source.lines.linePos(node.range[0]);
      return { file: source.file, line: pos.line + source.lineOffset, column: pos.col };
    }
  }
  return { file: source.file, line: 1 + source.lineOffset, column: 1 };
}

/** Validates parsed YAML against a zod schema, reporting each issue at its key. */
export function validateYaml<S extends z.ZodType>(
  source: YamlSource,
  schema: S,
  diagnostics: Diagnostics,
  rule: RuleId,
): z.infer<S> | undefined {
  const result = schema.safeParse(source.doc.toJS());
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '(top level)';
    const present = source.doc.hasIn(issue.path as unknown[]);
    diagnostics.report(rule, `${key}: ${describeIssue(issue, present)}`, positionOf(source, issue.path));
  }
  return undefined;
}

/** Turns a zod issue into words an author understands. */
function describeIssue(issue: z.core.$ZodIssue, present: boolean): string {
  switch (issue.code) {
    case 'invalid_type':
      return present ? `should be ${article(issue.expected)}` : `is required (${article(issue.expected)})`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' ? `should be ${issue.message}` : `is not a valid ${issue.format}`;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item(s)` : issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
