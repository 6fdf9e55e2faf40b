import { LineCounter, parseDocument, isMap, isNode, isScalar, visit, type Document } from 'yaml';
import { closestKey, describeIssue, keysAt } from './friendly-issues.ts';
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
      diagnostics.report(syntaxRule, { case: 'syntax', error: first }, { file, line: pos.line + lineOffset, column: pos.col });
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

/** The position of a key itself (not its value), or of the nearest parent that exists. */
export function keyPositionOf(source: YamlSource, path: readonly PropertyKey[]): SourcePosition {
  const parent = source.doc.getIn(path.slice(0, -1) as unknown[], true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(path.at(-1)));
    if (pair && isNode(pair.key) && pair.key.range) {
      const pos = source.lines.linePos(pair.key.range[0]);
      return { file: source.file, line: pos.line + source.lineOffset, column: pos.col };
    }
  }
  return positionOf(source, path);
}

/** Validates parsed YAML against a zod schema, reporting each issue at its key. */
export function validateYaml<S extends z.ZodType>(
  source: YamlSource,
  schema: S,
  diagnostics: Diagnostics,
  rule: RuleId,
): z.infer<S> | undefined {
  let data: unknown;
  try {
    data = source.doc.toJS({ maxAliasCount: 50 });
  } catch {
    // Note: the yaml package refuses alias bombs (billion laughs) here; report the first alias.
    let at: SourcePosition = { file: source.file, line: 1 + source.lineOffset, column: 1 };
    visit(source.doc, {
      Alias(_, node) {
        if (node.range) {
          const pos = source.lines.linePos(node.range[0]);
          at = { file: source.file, line: pos.line + source.lineOffset, column: pos.col };
        }
        return visit.BREAK;
      },
    });
    diagnostics.report('yaml-alias-limit', {}, at);
    return undefined;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // Each unknown key at its own line, with the closest known key.
      const allowed = keysAt(schema, issue.path);
      for (const name of issue.keys) {
        const near = closestKey(name, allowed);
        const where = issue.path.length ? `${issue.path.join('.')}.${name}` : name;
        diagnostics.report(rule, { case: 'unknown-key', where, name, near, known: allowed }, keyPositionOf(source, [...issue.path, name]));
      }
      continue;
    }
    const key = issue.path.length ? issue.path.join('.') : '(top level)';
    const present = source.doc.hasIn(issue.path as unknown[]);
    diagnostics.report(rule, { case: 'value', key, issue: describeIssue(issue, present) }, positionOf(source, issue.path));
  }
  return undefined;
}

