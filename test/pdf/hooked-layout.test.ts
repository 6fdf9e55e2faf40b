import { createElement as h } from 'react';
import { Document, Font, Page, Text, View, pdf } from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import { describe, expect, it } from 'vitest';
import { hookedLayoutSource, HOOKED_LAYOUT_VERSION, loadHookedLayout } from '../../src/pdf/hooked-layout.ts';
import { registerFonts } from '../../src/pdf/register-fonts.ts';

const paragraph = 'Ask what they saw, listen without blame, and keep the messages as they are. '.repeat(6);

/** Three sheets of text with page numbers: pinned to the sheet, or also in the flow. */
function documentWith(flowNumbers: boolean) {
  const font = { fontFamily: 'noto-sans', fontSize: 12 };
  return h(Document, null,
    h(Page, { size: 'A5', style: { padding: 40, paddingBottom: 80, ...font } },
      h(Text, { fixed: true, style: { position: 'absolute', top: 10, left: 40, right: 40 }, render: ({ pageNumber }: { pageNumber: number }) => (pageNumber > 1 ? 'Running header' : '') }),
      ...Array.from({ length: 9 }, (_, i) => h(View, { key: i, wrap: i % 3 !== 0, style: { marginBottom: 8 } },
        h(Text, null, paragraph),
        flowNumbers && i === 4 ? h(Text, { render: ({ pageNumber }: { pageNumber: number }) => `Now on sheet ${pageNumber}`.repeat(pageNumber) }) : null)),
      h(View, { fixed: true, style: { position: 'absolute', left: 40, right: 40, bottom: 20 } },
        h(Text, { render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) => `Page ${pageNumber} of ${totalPages}` }))));
}

/** What a layout says about where everything is: boxes and the text of each line, by sheet. */
function shape(node: unknown): unknown {
  const n = node as { type?: string; box?: unknown; lines?: { string?: string }[]; children?: unknown[] };
  return { type: n.type, box: n.box, lines: n.lines?.map((line) => line.string), children: n.children?.map(shape) };
}

async function layoutWith(layout: (doc: unknown, fonts: unknown) => Promise<unknown>, flowNumbers: boolean) {
  const instance = pdf(documentWith(flowNumbers) as Parameters<typeof pdf>[0]) as unknown as { container: { document: unknown } };
  return shape(await layout(instance.container.document, Font));
}

describe('the hooked layout step', () => {
  it('lays out sheets with pinned and in-flow page numbers exactly as react-pdf does', async () => {
    registerFonts();
    const hooked = await loadHookedLayout();
    const original = layoutDocument as unknown as (doc: unknown, fonts: unknown) => Promise<unknown>;
    for (const flowNumbers of [false, true]) {
      const expected = (await layoutWith(original, flowNumbers)) as { children: unknown[] };
      expect(expected.children.length).toBeGreaterThan(2);
      expect(await layoutWith(hooked, flowNumbers)).toEqual(expected);
    }
  });

  it('refuses a changed @react-pdf/layout, naming what to update', () => {
    expect(() => hookedLayoutSource('export default () => {};', '9.9.9')).toThrow(new RegExp(`@react-pdf/layout 9\\.9\\.9 is not the version Kitpress lays handouts out with \\(${HOOKED_LAYOUT_VERSION.replace(/\./g, '\\.')}\\)`));
  });
});
