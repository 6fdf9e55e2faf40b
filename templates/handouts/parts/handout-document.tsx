/** @jsxRuntime automatic @jsxImportSource react */
import type { ReactNode } from 'react';
import { Document, Page } from '@react-pdf/renderer';
import { Footer } from './footer.tsx';
import { Header, RunningHeader } from './header.tsx';
import { ink, margins } from './styles.ts';
import type { PrintContext } from './print-context.ts';

/** What react-pdf hands to `onRender`: the laid-out pages (an internal but stable shape). */
export interface RenderInfo {
  blob?: Blob;
  _INTERNAL__LAYOUT__DATA_?: unknown;
}

/** Metadata of every handout: fixed dates from the toolkit, so the same sources give the same bytes. */
function metadata(ctx: PrintContext) {
  const date = new Date(`${ctx.toolkit.date}T00:00:00Z`);
  return {
    title: ctx.title,
    author: ctx.toolkit.organisation.name,
    subject: ctx.page.description,
    language: ctx.locale.lang,
    creator: 'Kitpress',
    producer: 'Kitpress',
    creationDate: date,
    modificationDate: date,
  };
}

/** The frame every template prints in: the document, its sheets, header, running header and footer. */
export function HandoutDocument({ ctx, children, onRender }: { ctx: PrintContext; children: ReactNode; onRender?: (info: RenderInfo) => void }) {
  return (
    <Document {...metadata(ctx)} {...(onRender ? { onRender } : {})}>
      <Page
        size={ctx.sheet}
        style={{
          paddingTop: margins.top,
          paddingBottom: ctx.footerSpace,
          paddingHorizontal: margins.side,
          ...ctx.bodyFont,
          color: ink.text,
        }}
      >
        <RunningHeader ctx={ctx} />
        <Header ctx={ctx} />
        {children}
        {/* Last, so text extraction and copying read the body before the footer. */}
        <Footer ctx={ctx} />
      </Page>
    </Document>
  );
}

/**
 * A one-sheet document holding only the footer, pinned as on a handout's sheets, to measure its
 * height. Note: pinned, its page number does not make react-pdf lay the sheet out twice more
 * (see src/pdf/hooked-layout.ts), as it did when the footer was measured in the flow.
 */
export function FooterMeasure({ ctx, onRender }: { ctx: PrintContext; onRender?: (info: RenderInfo) => void }) {
  return (
    <Document {...(onRender ? { onRender } : {})}>
      <Page size={ctx.sheet} style={{ paddingHorizontal: margins.side, ...ctx.bodyFont }}>
        <Footer ctx={ctx} />
      </Page>
    </Document>
  );
}
