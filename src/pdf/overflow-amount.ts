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

/** The room left under the text of a sheet, above its footer space (its bottom padding). */
function roomLeft(sheet: LayoutNode | undefined): number {
  if (!sheet?.box) return 0;
  return Math.max(0, sheet.box.height - (sheet.box.paddingBottom ?? 0) - lowestEdge(sheet));
}

/**
 * How much text is past a handout's page budget, in points of sheet height: the height its
 * content takes on every sheet after the budget, measured from the top margin, less the room
 * left at the bottom of the budget's last sheet. Note: a block that cannot break (a box of text)
 * moves to the next sheet whole, leaving that room empty; it is what must still be cut.
 */
export function overflowAmount(layout: LayoutNode, budget: number, topMargin: number): number {
  const sheets = layout.children ?? [];
  const past = sheets.slice(budget).reduce((sum, sheet) => sum + Math.max(0, lowestEdge(sheet) - topMargin), 0);
  return Math.max(0, past - roomLeft(sheets[budget - 1]));
}
