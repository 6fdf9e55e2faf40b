import type { SourcePosition } from '../core/model.ts';
import { SOURCE_PROP } from '../../templates/handouts/parts/source-tag.ts';
import type { LayoutNode } from './pdf-bytes.ts';

/** The innermost tagged element that comes first under a node, as `line:col`. */
function firstTag(node: LayoutNode): string | undefined {
  for (const child of node.children ?? []) {
    const tag = firstTag(child);
    if (tag) return tag;
  }
  const own = node.props?.[SOURCE_PROP];
  return typeof own === 'string' ? own : undefined;
}

/** Where the first text on the first sheet past the budget comes from, if it can be told. */
export function overflowPosition(layout: LayoutNode, budget: number, file: string): SourcePosition | undefined {
  const sheet = layout.children?.[budget];
  const tag = sheet ? firstTag(sheet) : undefined;
  if (!tag) return undefined;
  const [line, column] = tag.split(':').map(Number);
  return { file, line: line ?? 1, column: column ?? 1 };
}

/** The height of the element marked with `prop` in a layout, if any. */
export function markedHeight(node: LayoutNode, prop: string): number | undefined {
  if (node.props?.[prop]) return node.box?.height;
  for (const child of node.children ?? []) {
    const height = markedHeight(child, prop);
    if (height !== undefined) return height;
  }
  return undefined;
}
