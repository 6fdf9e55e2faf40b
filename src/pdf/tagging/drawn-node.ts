/** The parts of react-pdf's laid-out nodes the tagger reads, and what it asks of them. */

/** A node of react-pdf's layout as the drawing step hands it to the hooks (only what the tagger reads). */
export interface DrawnNode {
  type: string;
  props?: Record<string, unknown>;
  style?: Record<string, unknown>;
  box?: { left: number; top: number; width: number; height: number; borderTopWidth?: number; borderRightWidth?: number; borderBottomWidth?: number; borderLeftWidth?: number };
  lines?: DrawnLine[];
  children?: DrawnNode[];
  value?: string;
}

/** A laid-out line of text and its runs. */
export interface DrawnLine {
  runs: DrawnRun[];
}

/** A run of text in one style; an inline link is a run with `link`. */
export interface DrawnRun {
  attributes: { link?: string | null };
}

/** True when react-pdf paints a background or borders for the node (decoration, unless its element owns them). */
export function hasDecoration(node: DrawnNode): boolean {
  const box = node.box;
  return Boolean(node.style?.backgroundColor) || Boolean(box && (box.borderTopWidth || box.borderRightWidth || box.borderBottomWidth || box.borderLeftWidth));
}

/** True when the node draws something of its own: text lines, SVG, a canvas, an image. */
export function drawsContent(node: DrawnNode): boolean {
  if (node.type === 'TEXT') return (node.lines?.length ?? 0) > 0;
  return node.type === 'SVG' || node.type === 'CANVAS' || node.type === 'IMAGE';
}

/** The text of a laid-out Text node in reading order (its text instances, not its visually ordered lines). */
export function logicalText(node: DrawnNode): string {
  if (node.type === 'TEXT_INSTANCE') return node.value ?? '';
  return (node.children ?? []).map(logicalText).join('');
}

/** True when a Text node has an inline link. */
export function hasLinkRun(node: DrawnNode): boolean {
  return (node.lines ?? []).some((line) => line.runs.some((run) => run.attributes.link));
}
