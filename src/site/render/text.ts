import type { Inline } from '../../core/model.ts';

/** The plain text of inline nodes (for labels and the list of sections). */
export function inlinesToText(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
          return node.value;
        case 'break':
          return ' ';
        case 'hotline':
        case 'citation':
          return node.id;
        default:
          return inlinesToText(node.children);
      }
    })
    .join('');
}
