import type { LayoutNode } from './pdf-bytes.ts';

/** The lowest edge of any drawn box under a node, ignoring repeated (`fixed`) parts such as footers. */
function lowestEdge(node: LayoutNode): number {
  let lowest = 0;
  for (const child of node.children ?? []) {
    if (child.props?.fixed) continue;
    const own = child.box ? child.box.top + child.box.height : 0;
    lowest = Math.max(lowest, own, lowestEdge(child));
  }
  return lowest;
}

/**
 * How much text is past a handout's page budget, in points of sheet height: the height its
 * content takes on every sheet after the budget, measured from the top margin.
 */
export function overflowAmount(layout: LayoutNode, budget: number, topMargin: number): number {
  return (layout.children ?? []).slice(budget).reduce((sum, sheet) => sum + Math.max(0, lowestEdge(sheet) - topMargin), 0);
}
