import type { Node } from 'unist';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { RuleId, RuleParams } from '../diagnostics/catalogue.ts';
import type { SourcePosition } from '../model.ts';

/** What the mdast handlers share while they convert one file. */
export interface ReadContext {
  /** File relative to the content folder. */
  file: string;
  diagnostics: Diagnostics;
  /** Link reference definitions of the file, by lowercased label. */
  definitions: Map<string, string>;
  /** Gives each heading a unique GitHub-style id. */
  slug: (text: string) => string;
}

/** The model position of an mdast node. */
export function positionOf(ctx: ReadContext, node: Node): SourcePosition {
  const start = node.position?.start;
  return { file: ctx.file, line: start?.line ?? 1, column: start?.column ?? 1 };
}

/** Reports a diagnostic at an mdast node. */
export function reportAt<R extends RuleId>(ctx: ReadContext, node: Node, ruleId: R, params: RuleParams<R>): void {
  ctx.diagnostics.report(ruleId, params, positionOf(ctx, node));
}
