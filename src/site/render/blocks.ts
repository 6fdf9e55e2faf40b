import type { Element, ElementContent } from 'hast';
import type { Block, Inline } from '../../core/model.ts';
import type { RenderContext } from './context.ts';
import { fillTemplate, h } from './h.ts';
import { formatDate } from '../../core/format.ts';
import { contactLinks, displayUrl } from './hotlines.ts';
import { renderInlines } from './inlines.ts';
import { dispatch, inlineText, type Handlers } from '../../core/walk.ts';

/** One handler per block kind: a kind without one does not compile. */
const handlers: Handlers<Block, [ctx: RenderContext], ElementContent[]> = {
  heading: (node, ctx) => {
    ctx.depth = node.depth;
    return [h(`h${node.depth}`, { id: node.id }, renderInlines(node.children, ctx))];
  },
  paragraph: (node, ctx) => [h('p', {}, renderInlines(node.children, ctx))],
  list: (node, ctx) => [h(node.ordered ? 'ol' : 'ul', {}, node.items.map((item) => h('li', {}, renderTight(item.children, ctx))))],
  quote: (node, ctx) => [h('blockquote', {}, renderBlocks(node.children, ctx))],
  image: (node, ctx) => [h('img', { src: ctx.urls.href(`assets/${node.src}`), alt: node.alt, loading: 'lazy', decoding: 'async' })],
  table: (node, ctx) => [
    // A wide table scrolls inside its own box on a small phone; the box can take focus so keyboards can scroll it.
    h('div', { className: ['table-scroll'], tabIndex: 0, role: 'group', ariaLabel: node.header.map((cell) => inlineText(cell)).join(', ') },
      h('table', {},
        h('thead', {}, h('tr', {}, node.header.map((cell) => h('th', { scope: 'col' }, renderInlines(cell, ctx))))),
        h('tbody', {}, node.rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, renderInlines(cell, ctx)))))))),
  ],
  rule: () => [h('hr')],
  checklist: (node, ctx) => [
    h('div', { className: ['checklist'] },
      title(node.title, ctx),
      // Note: `role=list` because Safari drops list semantics from lists styled without markers.
      // Semantically a list; the empty boxes are drawn by the stylesheet, for screen and paper.
      h('ul', { className: ['checklist-items'], role: 'list' }, node.items.map((item) => h('li', {}, renderInlines(item.children, ctx))))),
  ],
  tips: (node, ctx) => [
    h('div', { className: ['tips'] },
      title(node.title, ctx),
      h('ul', { className: ['tips-items'], role: 'list' }, node.items.map((item) => h('li', {}, renderTight(item.children, ctx))))),
  ],
  conversation: (node, ctx) => [
    h('div', { className: ['conversation'] },
      title(node.title, ctx),
      h('ul', { className: ['conversation-points'], role: 'list' }, node.points.map((point) =>
        h('li', {},
          h('div', { className: ['prompt'] }, renderBlocks(point.prompt, ctx)),
          point.listenFor ? h('p', { className: ['listen-for'] }, h('strong', {}, ctx.content.ui.listenFor), ' ', renderInlines(point.listenFor, ctx)) : null)))),
  ],
  callout: (node, ctx) => {
    const kind = node.kind === 'important' ? ctx.content.ui.calloutImportant : ctx.content.ui.calloutWorried;
    // The kind is always said in words, never by colour alone.
    const label = node.title
      ? [h('span', { className: ['callout-kind'] }, kind), ' ', h('strong', {}, renderInlines(node.title, ctx))]
      : [h('strong', {}, kind)];
    return [h('div', { className: ['callout', `callout-${node.kind}`], role: 'note' }, h('p', { className: ['callout-title'] }, label), renderBlocks(node.children, ctx))];
  },
  'hotline-list': (_node, ctx) => [
    h('ul', { className: ['hotline-list'], role: 'list' }, ctx.content.hotlines.map((line) =>
      h('li', { id: `hotline-${line.id}`, className: line.primary ? ['primary'] : [] },
        // Note: a hotline text missing in this language is the default language's; `dir=auto` keeps it readable.
        h('p', { className: ['hotline-name'], dir: 'auto' }, h('strong', {}, line.label)),
        line.description ? h('p', { dir: 'auto' }, line.description) : null,
        line.hours ? h('p', { className: ['hotline-hours'], dir: 'auto' }, line.hours) : null,
        h('p', { className: ['contacts'] }, contactLinks(line, ctx.content.ui))))),
    // Said once, under the list: where these services work, and how a group elsewhere replaces them.
    ...(ctx.content.ui.hotlinesArea ? [h('p', { className: ['hotlines-area'] }, ctx.content.ui.hotlinesArea)] : []),
  ],
  'source-list': (_node, ctx) => [
    h('ol', { className: ['source-list'] }, ctx.content.sources.map((source) =>
      h('li', { id: `source-${source.id}`, dir: 'auto' },
        h('strong', {}, source.name),
        source.title ? [': ', h('cite', {}, source.title)] : null,
        source.url ? [h('br'), h('a', { href: source.url, className: ['source-url'] }, displayUrl(source.url))] : null,
        source.read ? [' ', h('span', { className: ['source-read'] }, fillTemplate(ctx.content.ui.sourceRead ?? '', { date: h('time', { dateTime: source.read }, formatDate(source.read, ctx.content.lang)) }))] : null))),
  ],
};

/** Renders blocks to hast, each by the handler of its kind. */
export function renderBlocks(blocks: readonly Block[], ctx: RenderContext): ElementContent[] {
  return blocks.flatMap((block) => dispatch(handlers, block, ctx));
}

/** A list item that is one paragraph renders without the `<p>`, as tight Markdown lists do. */
function renderTight(blocks: readonly Block[], ctx: RenderContext): ElementContent[] {
  const [only] = blocks;
  if (blocks.length === 1 && only?.type === 'paragraph') return renderInlines(only.children, ctx);
  return renderBlocks(blocks, ctx);
}

/** A checklist's, tips' or conversation's title, as a heading one level under the last one. */
function title(inlines: Inline[] | undefined, ctx: RenderContext): Element | null {
  if (!inlines?.length) return null;
  const depth = Math.min(ctx.depth + 1, 6);
  return h(`h${depth}`, { className: ['block-title'] }, renderInlines(inlines, ctx));
}
