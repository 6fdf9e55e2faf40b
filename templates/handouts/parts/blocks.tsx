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
import { headingRole, tag, tagGroup, tagProps, uiLang } from './tag.ts';
import { titleLevel } from './title-level.ts';
import { dispatch, type Handlers } from '../../../src/core/walk.ts';

/**
 * Renders one block; `space` is the room to leave above it.
 * Note: space goes above blocks, never below: react-pdf moves a whole block to the next sheet
 * when its text fits at the bottom of a sheet but its bottom margin does not.
 */
export type BlockHandler<B extends Block> = (block: B, ctx: PrintContext, space: number, textStyle?: Style) => ReactNode;

/** One handler per block kind (a kind without one does not compile). A template may replace some (the cards template replaces `conversation`). */
export type BlockHandlers = Handlers<Block, [ctx: PrintContext, space: number, textStyle?: Style], ReactNode>;

const bold = { fontWeight: 700 } as const;
const italic = { fontStyle: 'italic' } as const;

/**
 * A marker drawn as a shape (fonts may lack symbol glyphs), centred on the first text line.
 * Untagged, it is decoration; a checklist's empty box is a label with alternate text.
 */
function Marker({ ctx, size, filled, tagged = {} }: { ctx: PrintContext; size: number; filled: boolean; tagged?: object }) {
  const line = ctx.fontSize * 1.4;
  const side = ctx.dir === 'rtl' ? 'marginLeft' : 'marginRight';
  return (
    <View
      {...tagged}
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
function Grouped({ title, level, ctx, first, rest }: { title: Inline[] | undefined; level: number; ctx: PrintContext; first: ReactNode; rest: ReactNode[] }) {
  return (
    <>
      <View wrap={false}>
        {title ? <Prose {...tag(headingRole(level))} style={ctx.styles.groupTitle}>{renderInlines(title, ctx)}</Prose> : null}
        {first}
      </View>
      {rest}
    </>
  );
}

/** A point to say, with what to listen for: used where conversation points are not cut into cards. */
export function ConversationPointView({ point, ctx, tagged = {} }: { point: ConversationPoint; ctx: PrintContext; tagged?: object }) {
  return (
    <View {...tagged}>
      {renderBlocks(point.prompt, ctx, { style: bold })}
      {point.listenFor ? (
        <Prose {...tag('P')} style={[ctx.styles.body, { marginTop: ctx.fontSize * 0.2 }]}>
          <Prose style={bold}>{ctx.t('listenFor')}{ctx.t('labelSeparator')}</Prose>
          {renderInlines(point.listenFor, ctx)}
        </Prose>
      ) : null}
    </View>
  );
}

const handlers: BlockHandlers = {
  paragraph: (block, ctx, space, textStyle = {}) => {
    const lines = splitAtBreaks(block.children);
    if (lines.length === 1) return <Prose {...sourceTag(block.position)} {...tag('P')} style={[ctx.styles.body, textStyle, { marginTop: space }]}>{renderInlines(block.children, ctx)}</Prose>;
    return (
      <View {...sourceTag(block.position)} {...tag('P')} style={{ marginTop: space }}>
        {lines.map((line, index) => (
          <Prose key={index} style={[ctx.styles.body, textStyle]}>{renderInlines(line, ctx)}</Prose>
        ))}
      </View>
    );
  },
  heading: (block, ctx, space) => (
    <Prose {...sourceTag(block.position)} {...tag(headingRole(block.depth))} minPresenceAhead={ctx.fontSize * 4} style={[ctx.styles.heading[block.depth], { marginTop: space > 0 ? space + ctx.fontSize * 0.4 : 0 }]}>
      {renderInlines(block.children, ctx)}
    </Prose>
  ),
  list: (block, ctx, space) => (
    <View {...sourceTag(block.position)} {...tag('L', { numbering: block.ordered ? 'Decimal' : 'Disc' })} style={{ marginTop: space }}>
      {block.items.map((item, index) => (
        <View key={index} {...sourceTag(item.position)} {...tag('LI')} style={[ctx.styles.row, { marginTop: index > 0 ? ctx.styles.gap / 2 : 0 }]}>
          {block.ordered ? (
            <Prose {...tag('Lbl')} style={[ctx.styles.body, { width: ctx.fontSize * 1.6, flexShrink: 0 }]}>{index + 1}.</Prose>
          ) : (
            <Marker ctx={ctx} size={ctx.fontSize * 0.35} filled />
          )}
          <View {...tag('LBody')} style={{ flex: 1 }}>{renderBlocks(item.children, ctx, { gap: ctx.styles.gap / 2 })}</View>
        </View>
      ))}
    </View>
  ),
  quote: (block, ctx, space) => (
    <View
      {...sourceTag(block.position)}
      {...tag('BlockQuote')}
      style={{ marginTop: space, paddingHorizontal: ctx.fontSize * 0.8, [ctx.dir === 'rtl' ? 'borderRightWidth' : 'borderLeftWidth']: 3, borderColor: ink.rule }}
    >
      {renderBlocks(block.children, ctx, { style: italic })}
    </View>
  ),
  // Note: images are not printed; their alt text stands in for them.
  image: (block, ctx, space) => (
    <Prose {...sourceTag(block.position)} {...tag('P')} style={[ctx.styles.body, italic, { marginTop: space }]}>{block.alt}</Prose>
  ),
  table: (block, ctx, space) => {
    const cell = (inlines: Inline[], index: number, header: boolean) => (
      <View key={index} {...tag(header ? 'TH' : 'TD', header ? { scope: 'Column' } : {})} style={{ flex: 1, padding: ctx.fontSize * 0.35, ...(index > 0 ? { [ctx.dir === 'rtl' ? 'borderRightWidth' : 'borderLeftWidth']: 0.75, borderColor: ink.rule } : {}) }}>
        <Prose style={[ctx.styles.small, header ? bold : {}]}>{renderInlines(inlines, ctx)}</Prose>
      </View>
    );
    return (
      <View {...sourceTag(block.position)} {...tag('Table')} style={{ marginTop: space, borderWidth: 0.75, borderColor: ink.rule }}>
        <View wrap={false} {...tag('TR')} style={[ctx.styles.row, { backgroundColor: ink.tint }]}>{block.header.map((c, i) => cell(c, i, true))}</View>
        {block.rows.map((row, r) => (
          <View key={r} wrap={false} {...tag('TR')} style={[ctx.styles.row, { borderTopWidth: 0.75, borderColor: ink.rule }]}>{row.map((c, i) => cell(c, i, false))}</View>
        ))}
      </View>
    );
  },
  rule: (block, ctx, space) => (
    <View {...sourceTag(block.position)} {...tag('Artifact', { artifact: 'Layout' })} style={{ borderBottomWidth: 1, borderColor: ink.rule, marginTop: space + ctx.styles.gap / 2 }} />
  ),
  checklist: (block, ctx, space) => {
    // The title is a heading before the list; the list holds items printed in separate boxes.
    const list = tagGroup('L', { numbering: 'None' });
    const items = block.items.map((item, index) => (
      <View key={index} wrap={false} {...sourceTag(item.position)} {...tag('LI', { parent: list })} style={[ctx.styles.row, { marginTop: index > 0 ? ctx.styles.gap * 0.6 : 0 }]}>
        <Marker ctx={ctx} size={ctx.fontSize * 0.95} filled={false} tagged={tag('Lbl', { alt: ctx.t('checklistBox'), ...uiLang(ctx) })} />
        <Prose {...tag('LBody')} style={[ctx.styles.body, { flex: 1 }]}>{renderInlines(item.children, ctx)}</Prose>
      </View>
    ));
    return (
      <View {...sourceTag(block.position)} style={{ marginTop: space }}>
        <Grouped title={block.title} level={titleLevel(ctx, block)} ctx={ctx} first={items[0]} rest={items.slice(1)} />
      </View>
    );
  },
  tips: (block, ctx, space) => {
    const list = tagGroup('L', { numbering: 'Square' });
    const items = block.items.map((item, index) => (
      <View key={index} wrap={false} {...sourceTag(item.position)} {...tag('LI', { parent: list })} style={[ctx.styles.row, { marginTop: index > 0 ? ctx.styles.gap * 0.7 : 0 }]}>
        <Marker ctx={ctx} size={ctx.fontSize * 0.45} filled />
        <View {...tag('LBody')} style={{ flex: 1 }}>{renderBlocks(item.children, ctx, { gap: ctx.styles.gap / 2 })}</View>
      </View>
    ));
    return (
      <View {...sourceTag(block.position)} style={{ marginTop: space }}>
        <Grouped title={block.title} level={titleLevel(ctx, block)} ctx={ctx} first={items[0]} rest={items.slice(1)} />
      </View>
    );
  },
  conversation: (block, ctx, space) => {
    const list = tagGroup('L', { numbering: 'None' });
    const points = block.points.map((point, index) => (
      <View key={index} wrap={false} {...sourceTag(point.position)} {...tag('LI', { parent: list })} style={{ marginTop: index > 0 ? ctx.styles.gap : 0 }}>
        <ConversationPointView point={point} ctx={ctx} tagged={tag('LBody')} />
      </View>
    ));
    return (
      <View {...sourceTag(block.position)} style={{ marginTop: space }}>
        <Grouped title={block.title} level={titleLevel(ctx, block)} ctx={ctx} first={points[0]} rest={points.slice(1)} />
      </View>
    );
  },
  callout: (block, ctx, space) => (
    <View
      {...sourceTag(block.position)}
      {...tag('Div')}
      style={{ marginTop: space, borderWidth: block.kind === 'worried' ? 2.5 : 1.5, borderColor: ink.rule, padding: ctx.fontSize * 0.7 }}
    >
      <Prose {...tag('P', block.title ? {} : uiLang(ctx))} minPresenceAhead={ctx.fontSize * 3} style={[ctx.styles.body, bold]}>
        {block.title ? renderInlines(block.title, ctx) : ctx.t(block.kind === 'worried' ? 'calloutWorried' : 'calloutImportant')}
      </Prose>
      {renderBlocks(block.children, ctx, { gap: ctx.styles.gap / 2, first: ctx.fontSize * 0.25 })}
    </View>
  ),
  'hotline-list': (block, ctx, space) => (
    <View {...sourceTag(block.position)} {...tag('L', { numbering: 'None' })} style={{ marginTop: space }}>
      {ctx.locale.hotlines.map((hotline, index) => {
        // Each hotline: its name as the item's label, then a body of description, contacts and hours.
        const item = tagGroup('LI');
        const body = { parent: tagGroup('LBody', { parent: item }) };
        return (
          <View key={hotline.id} wrap={false} {...tagProps(item)} style={{ marginTop: index > 0 ? ctx.styles.gap : 0 }}>
            <Prose {...tag('Lbl')} style={[ctx.styles.body, bold]}>{hotline.label}</Prose>
            {hotline.description ? <Prose {...tag('P', body)} style={ctx.styles.body}>{hotline.description}</Prose> : null}
            <Prose {...tag('P', body)} style={[ctx.styles.body, bold]}>{hotlineContacts(hotline, 'all', ctx.locale.ui, true, ctx.dir === 'rtl').join('  ·  ')}</Prose>
            {hotline.hours ? <Prose {...tag('P', body)} style={ctx.styles.small}>{hotline.hours}</Prose> : null}
          </View>
        );
      })}
    </View>
  ),
  'source-list': (block, ctx, space) => (
    <View {...sourceTag(block.position)} {...tag('L', { numbering: 'None' })} style={{ marginTop: space }}>
      {ctx.locale.sources.map((source, index) => (
        <Prose key={source.id} {...tag('LI')} style={[ctx.styles.small, { marginTop: index > 0 ? ctx.styles.gap / 2 : 0 }]}>
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
  const own: BlockHandlers = options.handlers ? { ...handlers, ...options.handlers } : handlers;
  return blocks.map((block, index) => {
    const previous = blocks[index - 1];
    const space = !previous ? (options.first ?? 0) : previous.type === 'heading' ? ctx.fontSize * 0.35 : gap;
    // Fragments keep blocks as siblings, so `minPresenceAhead` on a heading sees what follows it.
    return <Fragment key={index}>{dispatch(own, block, ctx, space, options.style)}</Fragment>;
  });
}
