/** @jsxRuntime automatic @jsxImportSource react */
import { Fragment, type ReactNode } from 'react';
import { View } from '@react-pdf/renderer';
import type { Block, ConversationBlock, ConversationPoint, Inline } from '../../src/core/model.ts';
import { renderBlocks } from './parts/blocks.tsx';
import { renderInlines } from './parts/inlines.tsx';
import { sourceTag } from './parts/source-tag.ts';
import { ink, margins } from './parts/styles.ts';
import type { PrintContext } from './parts/print-context.ts';
import { Prose } from './parts/prose.tsx';
import { listItemBody, tag, tagGroup, uiLang, type TagSpec } from './parts/tag.ts';

const PER_ROW = 2;
const GUTTER = 12;

interface Card {
  topic: Inline[] | undefined;
  point: ConversationPoint;
}

/** One card: its topic, the prompt to say, and what to listen for, inside a dashed cut line (an item of `list`). */
function CardView({ card, ctx, width, list }: { card: Card; ctx: PrintContext; width: number; list: TagSpec }) {
  const s = ctx.styles;
  return (
    <View {...sourceTag(card.point.position)} {...listItemBody(list)} style={{ width, padding: ctx.fontSize * 0.75, borderWidth: 1, borderStyle: 'dashed', borderColor: ink.rule }}>
      {card.topic ? (
        <Prose {...tag('P')} style={[s.small, { fontWeight: 700, marginBottom: ctx.fontSize * 0.3, paddingBottom: 2, borderBottomWidth: 0.5, borderColor: ink.rule }]}>
          {renderInlines(card.topic, ctx)}
        </Prose>
      ) : null}
      {renderBlocks(card.point.prompt, ctx, { gap: ctx.styles.gap / 2, style: { fontWeight: 700 } })}
      {card.point.listenFor ? (
        <Prose {...tag('P')} style={[s.body, { marginTop: ctx.fontSize * 0.4 }]}>
          <Prose style={{ fontWeight: 700 }}>{ctx.t('listenFor')}{ctx.t('labelSeparator')}</Prose>
          {renderInlines(card.point.listenFor, ctx)}
        </Prose>
      ) : null}
    </View>
  );
}

/** Cards two to a row; a row never splits across sheets, and both cards of a row are the same height. */
function CardGrid({ blocks, ctx, space }: { blocks: ConversationBlock[]; ctx: PrintContext; space: number }) {
  const cards = blocks.flatMap((block) => block.points.map((point) => ({ topic: block.title, point })));
  const width = (ctx.sheet.width - 2 * margins.side - GUTTER * (PER_ROW - 1)) / PER_ROW;
  const rows: Card[][] = [];
  for (let i = 0; i < cards.length; i += PER_ROW) rows.push(cards.slice(i, i + PER_ROW));
  // The cards read as one list, row by row, whatever rows and sheets they are printed in.
  const list = tagGroup('L', { numbering: 'None' });
  return (
    <View {...sourceTag(blocks[0]!.position)} style={{ marginTop: space }}>
      <Prose {...tag('P', uiLang(ctx))} style={[ctx.styles.small, { fontStyle: 'italic' }]}>{ctx.t('cutAlongLines')}</Prose>
      {rows.map((row, index) => (
        <View key={index} wrap={false} style={[ctx.styles.row, { justifyContent: 'space-between', marginTop: index === 0 ? ctx.styles.gap : GUTTER }]}>
          {row.map((card, c) => (
            <CardView key={c} card={card} ctx={ctx} width={width} list={list} />
          ))}
        </View>
      ))}
    </View>
  );
}

/** Splits blocks into runs: consecutive conversation blocks (printed as one grid of cards) and the rest. */
function runs(blocks: readonly Block[]): { cards: boolean; blocks: Block[] }[] {
  const out: { cards: boolean; blocks: Block[] }[] = [];
  for (const block of blocks) {
    const cards = block.type === 'conversation';
    const last = out.at(-1);
    if (last && last.cards === cards) last.blocks.push(block);
    else out.push({ cards, blocks: [block] });
  }
  return out;
}

/** Conversation handout: the page's text, then its conversation points as cards to cut apart. */
export function conversationCards(ctx: PrintContext): ReactNode {
  const space = (index: number) => (index === 0 ? 0 : ctx.styles.gap * 1.5);
  return runs(ctx.page.blocks).map((run, index) => (
    <Fragment key={index}>
      {run.cards ? (
        <CardGrid blocks={run.blocks as ConversationBlock[]} ctx={ctx} space={space(index)} />
      ) : (
        renderBlocks(run.blocks, ctx, { gap: ctx.styles.gap * 1.5, first: space(index) })
      )}
    </Fragment>
  ));
}
