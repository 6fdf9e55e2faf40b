import type { Root, Nodes } from 'mdast';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';

/** The limits a page must keep (docs/authoring.md states them). */
export const PAGE_LIMITS = {
  /** Bytes of one page file. */
  bytes: 256 * 1024,
  /** Blocks and inlines inside one another (quotes in quotes, emphasis in emphasis). */
  depth: 24,
  /** `:hotline[...]` and `:cite[...]` references on one page. */
  references: 200,
} as const;

/** Reports a page file larger than the limit (at 1:1); the page is then not parsed. */
export function checkPageSize(text: string, file: string, diagnostics: Diagnostics): boolean {
  const bytes = Buffer.byteLength(text);
  if (bytes <= PAGE_LIMITS.bytes) return true;
  diagnostics.report('page-too-large', { bytes, limit: PAGE_LIMITS.bytes }, { file, line: 1, column: 1 });
  return false;
}

/**
 * Walks the tree without recursion: reports nodes nested deeper than the limit (and drops
 * their content, so later stages never recurse that deep) and pages with too many references.
 */
export function checkTreeLimits(tree: Root, file: string, diagnostics: Diagnostics): void {
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }];
  let references = 0;
  let reportedDepth = false;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if ((node.type === 'textDirective' || node.type === 'leafDirective') && (node.name === 'hotline' || node.name === 'cite')) {
      references++;
      if (references === PAGE_LIMITS.references + 1) {
        diagnostics.report('references-too-many', { limit: PAGE_LIMITS.references }, place(file, node));
      }
    }
    if (!('children' in node)) continue;
    if (depth >= PAGE_LIMITS.depth) {
      if (!reportedDepth) diagnostics.report('nesting-too-deep', { limit: PAGE_LIMITS.depth }, place(file, node));
      reportedDepth = true;
      (node as { children: unknown[] }).children = [];
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, depth: depth + 1 });
  }
}

function place(file: string, node: Nodes) {
  return { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
