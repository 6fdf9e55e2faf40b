import type { ReactElement } from 'react';
import { Font, pdf } from '@react-pdf/renderer';
import { loadHookedLayout } from './hooked-layout.ts';

/** A rendered document: the PDF bytes and react-pdf's laid-out pages. */
export interface RenderedPdf {
  bytes: Uint8Array;
  /** react-pdf's layout: a root whose `children` are the pages. */
  layout: LayoutNode;
}

/** A node of react-pdf's layout (an internal shape; only what Kitpress reads). */
export interface LayoutNode {
  props?: Record<string, unknown>;
  box?: { top: number; left: number; width: number; height: number; paddingBottom?: number };
  children?: LayoutNode[];
}

/** A laid-out document that is not drawn yet, with the props of its `<Document>` (title, language...). */
export interface LaidOutPdf {
  layout: LayoutNode;
  props: Record<string, unknown>;
}

/**
 * Lays out a react-pdf document without drawing it, with react-pdf's own font store.
 * Note: this is what react-pdf's `pdf().toBuffer()` does before drawing; Kitpress draws the
 * layout itself (tagged, see tagging/draw-tagged.ts), and only once the handout fits. The layout
 * step is react-pdf's with one edit that skips work whose result is thrown away (see hooked-layout.ts).
 * Note: the React tree is unmounted once laid out. React keeps every root it scheduled in a list
 * of its module, so each document's whole tree stayed in memory (about 25 MB per 180-sheet guide).
 */
export async function layoutPdf(element: ReactElement): Promise<LaidOutPdf> {
  const instance = pdf(element as Parameters<typeof pdf>[0]) as unknown as { container: { document: { props?: Record<string, unknown> } | null }; updateContainer(doc: null): void };
  const document = instance.container.document;
  if (!document) throw new Error('react-pdf made no document (is the element a <Document>?)');
  try {
    const layoutDocument = await loadHookedLayout();
    const layout = (await layoutDocument(document, Font)) as LayoutNode;
    return { layout, props: document.props ?? {} };
  } finally {
    instance.updateContainer(null);
  }
}

const WRONG_KEY = Buffer.from('/ModificationDate ');
const RIGHT_KEY = Buffer.from('/ModDate'.padEnd(WRONG_KEY.length, ' '));

/**
 * Renders a react-pdf document to bytes the way react-pdf does (untagged): used to compare
 * tagged handouts with what react-pdf alone draws. `onRender` must be wired to `capture`.
 * Note: react-pdf writes the modification date as /ModificationDate, which readers ignore; it is
 * renamed to /ModDate in place, padded to the same length so every xref offset stays right.
 */
export async function renderPdf(build: (capture: (info: { _INTERNAL__LAYOUT__DATA_?: unknown }) => void) => ReactElement): Promise<RenderedPdf> {
  let layout: LayoutNode | undefined;
  const element = build((info) => {
    layout = info._INTERNAL__LAYOUT__DATA_ as LayoutNode;
  });
  const stream = (await pdf(element as Parameters<typeof pdf>[0]).toBuffer()) as unknown as AsyncIterable<Buffer>;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  const at = bytes.indexOf(WRONG_KEY);
  if (at >= 0) RIGHT_KEY.copy(bytes, at);
  if (!layout) throw new Error('react-pdf gave no layout (is onRender wired to capture?)');
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), layout };
}

/** How many sheets a layout has. */
export function pageCount(layout: LayoutNode): number {
  return layout.children?.length ?? 0;
}
