/** @jsxRuntime automatic @jsxImportSource react */
import type { ReactNode } from 'react';
import { Link, Text } from '@react-pdf/renderer';
import type { Inline } from '../../../src/core/model.ts';
import { joinItems } from '../../../src/core/format.ts';
import { dispatch, inlineText, walkInlines, type Handlers } from '../../../src/core/walk.ts';
import { citationText, hotlineContacts, linkAddress } from '../../../src/pdf/print-text.ts';
import { ink } from './styles.ts';
import type { PrintContext } from './print-context.ts';

type InlineHandlers = Handlers<Inline, [ctx: PrintContext, key: number], ReactNode>;

const bold = { fontWeight: 700 } as const;

/** One handler per inline kind; hotline numbers and source names come from configuration, never from the page. */
const handlers: InlineHandlers = {
  text: (node) => node.value.replace(/\n/g, ' '),
  emphasis: (node, ctx, key) => <Text key={key} style={{ fontStyle: 'italic' }}>{renderInlines(node.children, ctx)}</Text>,
  strong: (node, ctx, key) => <Text key={key} style={bold}>{renderInlines(node.children, ctx)}</Text>,
  code: (node, _ctx, key) => <Text key={key} style={{ backgroundColor: ink.tint }}>{node.value}</Text>,
  // Note: a "\n" inside react-pdf text makes it reference a non-embedded Helvetica. Paragraphs
  // split at breaks (see `splitAtBreaks`); anywhere else a break prints as a space.
  break: () => ' ',
  link: (node, ctx, key) => (
    <Text key={key}>
      <Link src={node.href} style={{ color: ink.text, textDecoration: 'none' }}>{renderInlines(node.children, ctx)}</Link>
      {linkAddress(node.href, inlineText(node.children))}
    </Text>
  ),
  'page-link': (node, ctx, key) => <Text key={key}>{renderInlines(node.children, ctx)}</Text>,
  hotline: (node, ctx, key) => {
    const hotline = ctx.locale.hotlines.find((h) => h.id === node.id);
    if (!hotline) return node.id;
    const contacts = hotlineContacts(hotline, node.show, ctx.locale.ui, node.show === 'all', ctx.dir === 'rtl');
    return (
      <Text key={key}>
        {hotline.label}
        {contacts.length > 0 ? (ctx.locale.ui.labelSeparator ?? ': ') : ''}
        <Text style={bold}>{joinItems(ctx.locale.ui, contacts)}</Text>
      </Text>
    );
  },
  citation: (node, ctx) => citationText(ctx.locale, node.id),
};

/** True when a hard break is among the inlines or inside them. */
function hasBreak(inlines: readonly Inline[]): boolean {
  let found = false;
  walkInlines(inlines, (inline) => {
    if (inline.type === 'break') found = true;
  });
  return found;
}

/** Splits inlines into lines at hard breaks, keeping emphasis and links around each piece. */
export function splitAtBreaks(inlines: readonly Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const inline of inlines) {
    if (inline.type === 'break') lines.push([]);
    else if ('children' in inline && hasBreak(inline.children)) {
      splitAtBreaks(inline.children).forEach((children, index) => {
        if (index > 0) lines.push([]);
        lines.at(-1)!.push({ ...inline, children } as Inline);
      });
    } else lines.at(-1)!.push(inline);
  }
  return lines;
}

/** Renders inline nodes as react-pdf text runs (to be placed inside a `<Text>`). */
export function renderInlines(inlines: readonly Inline[], ctx: PrintContext): ReactNode[] {
  return inlines.map((node, index) => dispatch(handlers, node, ctx, index));
}
