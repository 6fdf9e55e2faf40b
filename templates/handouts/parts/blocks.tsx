/** @jsxRuntime automatic @jsxImportSource react */
import { Fragment, type ReactNode } from 'react';
import { View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { Block, Inline, ConversationPoint } from '../../../src/core/model.ts';
import { hotlineContacts, keepLtr } from '../../../src/pdf/print-text.ts';
import { shortUrl } from '../../../src/pdf/site-url.ts';
import { renderInlines, splitAtBreaks } from './inlines.tsx';
import { sourceTag } from './source-tag.ts';
import { ink } from './styles.ts';
import type { PrintContext } from './print-context.ts';
import { Prose } from './prose.tsx';

/**
 * Renders one block; `space` is the room to leave above it.
 * Note: space goes above blocks, never below: react-pdf moves a whole block to the next sheet
 * when its text fits at the bottom of a sheet but its bottom margin does not.
 */
export type BlockHandler<B extends Block> = (block: B, ctx: PrintContext, space: number, textStyle?: Style) => ReactNode;

/** One handler per block kind. A template may replace some (the cards template replaces `conversation`). */
export type BlockHandlers = { [K in Block['type']]: BlockHandler<Extract<Block, { type: K }>> };

const bold = { fontWeight: 700 } as const;
const italic = { fontStyle: 'italic' } as const;

/** A marker drawn as a shape (fonts may lack symbol glyphs), centred on the first text line. */
function Marker({ ctx, size, filled }: { ctx: PrintContext; size: number; filled: boolean }) {
  const line = ctx.fontSize * 1.4;
  const side = ctx.dir === 'rtl' ? 'marginLeft' : 'marginRight';
  return (
    <View
      style={{
        width: size,
        height: size,
        marginTop: (line - size) / 2,
        [side]: ctx.fontSize * 0.6,
        flexShrink: 0,
        ...(filled ? { backgroundColor: ink.text } : { borderWidth: 1.25, borderColor: ink.rule, borderStyle: 'solid' }),
      }}
    />
  );
}

/** The title of a checklist, tips or conversation block, kept on the same sheet as its first item. */
function Grouped({ title, ctx, first, rest }: { title: Inline[] | undefined; ctx: PrintContext; first: ReactNode; rest: ReactNode[] }) {
  return (
    <>
      <View wrap={false}>
        {title ? <Prose style={ctx.styles.groupTitle}>{renderInlines(title, ctx)}</Prose> : null}
        {first}
      </View>
      {rest}
    </>
  );
}

/** A point to say, with what to listen for: used where conversation points are not cut into cards. */
export function ConversationPointView({ point, ctx }: { point: ConversationPoint; ctx: PrintContext }) {
  return (
    <View>
      {renderBlocks(point.prompt, ctx, { style: bold })}
      {point.listenFor ? (
        <Prose style={[ctx.styles.body, { marginTop: ctx.fontSize * 0.2 }]}>
          <Prose style={bold}>{ctx.t('listenFor')}: </Prose>
          {renderInlines(point.listenFor, ctx)}
        </Prose>
      ) : null}
    </View>
  );
}

const handlers: BlockHandlers = {
  paragraph: (block, ctx, space, textStyle = {}) => {
    const lines = splitAtBreaks(block.children);
    if (lines.length === 1) return <Prose {...sourceTag(block.position)} style={[ctx.styles.body, textStyle, { marginTop: space }]}>{renderInlines(block.children, ctx)}</Prose>;
    return (
      <View {...sourceTag(block.position)} style={{ marginTop: space }}>
        {lines.map((line, index) => (
          <Prose key={index} style={[ctx.styles.body, textStyle]}>{renderInlines(line, ctx)}</Prose>
        ))}
      </View>
    );
  },
  heading: (block, ctx, space) => (
    <Prose {...sourceTag(block.position)} minPresenceAhead={ctx.fontSize * 4} style={[ctx.styles.heading[block.depth], { marginTop: space > 0 ? space + ctx.fontSize * 0.4 : 0 }]}>
      {renderInlines(block.children, ctx)}
    </Prose>
  ),
  list: (block, ctx, space) => (
    <View {...sourceTag(block.position)} style={{ marginTop: space }}>
      {block.items.map((item, index) => (
        <View key={index} {...sourceTag(item.position)} style={[ctx.styles.row, { marginTop: index > 0 ? ctx.styles.gap / 2 : 0 }]}>
          {block.ordered ? (
            <Prose style={[ctx.styles.body, { width: ctx.fontSize * 1.6, flexShrink: 0 }]}>{index + 1}.</Prose>
          ) : (
            <Marker ctx={ctx} size={ctx.fontSize * 0.35} filled />
          )}
          <View style={{ flex: 1 }}>{renderBlocks(item.children, ctx, { gap: ctx.styles.gap / 2 })}</View>
        </View>
      ))}
    </View>
  ),
  quote: (block, ctx, space) => (
    <View
      {...sourceTag(block.position)}
      style={{ marginTop: space, paddingHorizontal: ctx.fontSize * 0.8, [ctx.dir === 'rtl' ? 'borderRightWidth' : 'borderLeftWidth']: 3, borderColor: ink.rule }}
    >
      {renderBlocks(block.children, ctx, { style: italic })}
    </View>
  ),
  // Note: images are not printed; their alt text stands in for them.
  image: (block, ctx, space) => (
    <Prose {...sourceTag(block.position)} style={[ctx.styles.body, italic, { marginTop: space }]}>{block.alt}</Prose>
  ),
  table: (block, ctx, space) => {
    const cell = (inlines: Inline[], index: number, header: boolean) => (
      <View key={index} style={{ flex: 1, padding: ctx.fontSize * 0.35, ...(index > 0 ? { [ctx.dir === 'rtl' ? 'borderRightWidth' : 'borderLeftWidth']: 0.75, borderColor: ink.rule } : {}) }}>
        <Prose style={[ctx.styles.small, header ? bold : {}]}>{renderInlines(inlines, ctx)}</Prose>
      </View>
    );
    return (
      <View {...sourceTag(block.position)} style={{ marginTop: space, borderWidth: 0.75, borderColor: ink.rule }}>
        <View wrap={false} style={[ctx.styles.row, { backgroundColor: ink.tint }]}>{block.header.map((c, i) => cell(c, i, true))}</View>
        {block.rows.map((row, r) => (
          <View key={r} wrap={false} style={[ctx.styles.row, { borderTopWidth: 0.75, borderColor: ink.rule }]}>{row.map((c, i) => cell(c, i, false))}</View>
        ))}
      </View>
    );
  },
  rule: (block, ctx, space) => (
    <View {...sourceTag(block.position)} style={{ borderBottomWidth: 1, borderColor: ink.rule, marginTop: space + ctx.styles.gap / 2 }} />
  ),
  checklist: (block, ctx, space) => {
    const items = block.items.map((item, index) => (
      <View key={index} wrap={false} {...sourceTag(item.position)} style={[ctx.styles.row, { marginTop: index > 0 ? ctx.styles.gap * 0.6 : 0 }]}>
        <Marker ctx={ctx} size={ctx.fontSize * 0.95} filled={false} />
        <Prose style={[ctx.styles.body, { flex: 1 }]}>{renderInlines(item.children, ctx)}</Prose>
      </View>
    ));
    return (
      <View {...sourceTag(block.position)} style={{ marginTop: space }}>
        <Grouped title={block.title} ctx={ctx} first={items[0]} rest={items.slice(1)} />
      </View>
    );
  },
  tips: (block, ctx, space) => {
    const items = block.items.map((item, index) => (
      <View key={index} wrap={false} {...sourceTag(item.position)} style={[ctx.styles.row, { marginTop: index > 0 ? ctx.styles.gap * 0.7 : 0 }]}>
        <Marker ctx={ctx} size={ctx.fontSize * 0.45} filled />
        <View style={{ flex: 1 }}>{renderBlocks(item.children, ctx, { gap: ctx.styles.gap / 2 })}</View>
      </View>
    ));
    return (
      <View {...sourceTag(block.position)} style={{ marginTop: space }}>
        <Grouped title={block.title} ctx={ctx} first={items[0]} rest={items.slice(1)} />
      </View>
    );
  },
  conversation: (block, ctx, space) => {
    const points = block.points.map((point, index) => (
      <View key={index} wrap={false} {...sourceTag(point.position)} style={{ marginTop: index > 0 ? ctx.styles.gap : 0 }}>
        <ConversationPointView point={point} ctx={ctx} />
      </View>
    ));
    return (
      <View {...sourceTag(block.position)} style={{ marginTop: space }}>
        <Grouped title={block.title} ctx={ctx} first={points[0]} rest={points.slice(1)} />
      </View>
    );
  },
  callout: (block, ctx, space) => (
    <View
      {...sourceTag(block.position)}
      style={{ marginTop: space, borderWidth: block.kind === 'worried' ? 2.5 : 1.5, borderColor: ink.rule, padding: ctx.fontSize * 0.7 }}
    >
      <Prose minPresenceAhead={ctx.fontSize * 3} style={[ctx.styles.body, bold]}>
        {block.title ? renderInlines(block.title, ctx) : ctx.t(block.kind === 'worried' ? 'calloutWorried' : 'calloutImportant')}
      </Prose>
      {renderBlocks(block.children, ctx, { gap: ctx.styles.gap / 2, first: ctx.fontSize * 0.25 })}
    </View>
  ),
  'hotline-list': (block, ctx, space) => (
    <View {...sourceTag(block.position)} style={{ marginTop: space }}>
      {ctx.locale.hotlines.map((hotline, index) => (
        <View key={hotline.id} wrap={false} style={{ marginTop: index > 0 ? ctx.styles.gap : 0 }}>
          <Prose style={[ctx.styles.body, bold]}>{hotline.label}</Prose>
          {hotline.description ? <Prose style={ctx.styles.body}>{hotline.description}</Prose> : null}
          <Prose style={[ctx.styles.body, bold]}>{hotlineContacts(hotline, 'all', ctx.locale.ui, true, ctx.dir === 'rtl').join('  ·  ')}</Prose>
          {hotline.hours ? <Prose style={ctx.styles.small}>{hotline.hours}</Prose> : null}
        </View>
      ))}
    </View>
  ),
  'source-list': (block, ctx, space) => (
    <View {...sourceTag(block.position)} style={{ marginTop: space }}>
      {ctx.locale.sources.map((source, index) => (
        <Prose key={source.id} style={[ctx.styles.small, { marginTop: index > 0 ? ctx.styles.gap / 2 : 0 }]}>
          <Prose style={bold}>{source.name}</Prose>
          {source.title ? `. ${source.title}` : ''}
          {source.url ? `. ${keepLtr(shortUrl(source.url), ctx.dir === 'rtl')}` : ''}
        </Prose>
      ))}
    </View>
  ),
};

/** Options for a run of blocks: the room between them, a text style to add, and replaced handlers. */
export interface BlockOptions {
  gap?: number;
  /** Room above the first block (none by default). */
  first?: number;
  /** Added to every paragraph's text (bold prompts, italic quotes). */
  style?: Style;
  handlers?: Partial<BlockHandlers>;
}

/** Renders blocks in reading order, with `gap` between them (less right under a heading). */
export function renderBlocks(blocks: readonly Block[], ctx: PrintContext, options: BlockOptions = {}): ReactNode[] {
  const gap = options.gap ?? ctx.styles.gap;
  return blocks.map((block, index) => {
    const previous = blocks[index - 1];
    const space = !previous ? (options.first ?? 0) : previous.type === 'heading' ? ctx.fontSize * 0.35 : gap;
    const handler = (options.handlers?.[block.type] ?? handlers[block.type]) as BlockHandler<Block>;
    // Fragments keep blocks as siblings, so `minPresenceAhead` on a heading sees what follows it.
    return <Fragment key={index}>{handler(block, ctx, space, options.style)}</Fragment>;
  });
}
