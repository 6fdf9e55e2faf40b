/** @jsxRuntime automatic @jsxImportSource react */
import type { ReactNode } from 'react';
import { Canvas, View } from '@react-pdf/renderer';
import { renderBlocks } from './parts/blocks.tsx';
import { ink } from './parts/styles.ts';
import type { PrintContext } from './parts/print-context.ts';

/** The part of react-pdf's canvas painter (pdfkit's drawing API) the notes lines use. */
interface CanvasPainter {
  moveTo(x: number, y: number): CanvasPainter;
  lineTo(x: number, y: number): CanvasPainter;
  lineWidth(width: number): CanvasPainter;
  strokeColor(color: string): CanvasPainter;
  stroke(): CanvasPainter;
}
import { Prose } from './parts/prose.tsx';
import { tag, uiLang } from './parts/tag.ts';

/** Room between the ruled lines of the notes area: a third of an inch, enough for handwriting. */
const LINE_SPACING = 24;

/**
 * A "Notes" label over ruled lines that fill whatever is left of the last sheet. The lines are
 * painted on a canvas that grows into the free space, so they never push onto a new sheet.
 */
function NotesArea({ ctx }: { ctx: PrintContext }) {
  return (
    <View style={{ flexGrow: 1, marginTop: ctx.styles.gap * 1.5 }}>
      <Prose {...tag('P', uiLang(ctx))} style={[ctx.styles.body, { fontWeight: 700 }]}>{ctx.t('notes')}</Prose>
      <Canvas
        {...tag('Artifact', { artifact: 'Layout' })}
        style={{ flexGrow: 1, minHeight: LINE_SPACING * 2 }}
        paint={(painter: CanvasPainter, width, height) => {
          for (let y = LINE_SPACING; y <= height; y += LINE_SPACING) painter.moveTo(0, y).lineTo(width, y);
          painter.lineWidth(0.6).strokeColor(ink.rule).stroke();
          return null;
        }}
      />
    </View>
  );
}

/**
 * Checklist handout: every item beside an empty box to tick, then a ruled notes area. The notes
 * area is left out when the checklist would not fit its pages with it (see `optionalParts`).
 */
export function signsChecklist(ctx: PrintContext): ReactNode {
  return (
    <>
      {renderBlocks(ctx.page.blocks, ctx, { gap: ctx.styles.gap * 1.5 })}
      {ctx.optionalParts && <NotesArea ctx={ctx} />}
    </>
  );
}
