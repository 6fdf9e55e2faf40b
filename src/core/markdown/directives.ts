import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { List, ListItem, Paragraph, BlockContent, DefinitionContent } from 'mdast';
import type { Block, CalloutBlock, ConversationPoint, Inline } from '../model.ts';
import { positionOf, reportAt, type ReadContext } from './context.ts';
import { toInlines } from './inlines.ts';
import { toBlocks } from './blocks.ts';

type ContainerHandler = (node: ContainerDirective, ctx: ReadContext, title: Inline[] | undefined, body: Body) => Block[];
type Body = (BlockContent | DefinitionContent)[];

/** Block directives (`:::name`), one handler each. */
const containers: Record<string, ContainerHandler> = {
  checklist: (node, ctx, title, body) => {
    const list = onlyList(node, ctx, body);
    const items = (list?.children ?? []).map((item) => ({ position: positionOf(ctx, item), children: itemInlines(item, ctx) }));
    return [{ type: 'checklist', ...(title ? { title } : {}), items, position: positionOf(ctx, node) }];
  },
  tips: (node, ctx, title, body) => {
    const list = onlyList(node, ctx, body);
    const items = (list?.children ?? []).map((item) => ({ position: positionOf(ctx, item), children: toBlocks(item.children, ctx) }));
    return [{ type: 'tips', ...(title ? { title } : {}), items, position: positionOf(ctx, node) }];
  },
  conversation: (node, ctx, title, body) => {
    const list = onlyList(node, ctx, body);
    const points = (list?.children ?? []).map((item) => conversationPoint(item, ctx));
    return [{ type: 'conversation', ...(title ? { title } : {}), points, position: positionOf(ctx, node) }];
  },
  important: (node, ctx, title, body) => [callout('important', node, ctx, title, body)],
  worried: (node, ctx, title, body) => [callout('worried', node, ctx, title, body)],
};

/** Line directives (`::name`), one handler each; `listen` is only valid inside a conversation point. */
const leaves: Record<string, (node: LeafDirective, ctx: ReadContext) => Block[]> = {
  hotlines: (node, ctx) => [{ type: 'hotline-list', position: positionOf(ctx, node) }],
  sources: (node, ctx) => [{ type: 'source-list', position: positionOf(ctx, node) }],
  listen: (node, ctx) => {
    reportAt(ctx, node, 'directive-shape', { case: 'listen-outside' });
    return [];
  },
};

/** Converts a `:::name` block directive. */
export function containerDirective(node: ContainerDirective, ctx: ReadContext): Block[] {
  const handler = containers[node.name];
  if (!handler) {
    reportAt(ctx, node, 'directive-unknown', { case: 'container', name: node.name });
    return [];
  }
  rejectAttributes(node, ctx);
  const [first, ...rest] = node.children;
  const labelled = first?.type === 'paragraph' && first.data?.directiveLabel === true;
  const title = labelled ? toInlines((first as Paragraph).children, ctx) : undefined;
  return handler(node, ctx, title, (labelled ? rest : node.children) as Body);
}

/** Converts a `::name` line directive. */
export function leafDirective(node: LeafDirective, ctx: ReadContext): Block[] {
  const handler = leaves[node.name];
  if (!handler) {
    reportAt(ctx, node, 'directive-unknown', { case: 'leaf', name: node.name });
    return [];
  }
  if (node.name !== 'listen') rejectAttributes(node, ctx);
  return handler(node, ctx);
}

function rejectAttributes(node: ContainerDirective | LeafDirective, ctx: ReadContext): void {
  for (const key of Object.keys(node.attributes ?? {})) {
    reportAt(ctx, node, 'directive-attribute-unknown', { case: 'directive', name: node.name, key });
  }
}

function onlyList(node: ContainerDirective, ctx: ReadContext, body: Body): List | undefined {
  const lists = body.filter((child): child is List => child.type === 'list');
  if (lists.length !== 1 || body.length !== 1) {
    reportAt(ctx, node, 'directive-shape', { case: 'one-list', name: node.name });
  }
  return lists[0];
}

function itemInlines(item: ListItem, ctx: ReadContext): Inline[] {
  const inlines: Inline[] = [];
  for (const child of item.children) {
    if (child.type === 'paragraph') {
      if (inlines.length) inlines.push({ type: 'text', value: ' ' });
      inlines.push(...toInlines(child.children, ctx));
    } else {
      reportAt(ctx, child, 'directive-shape', { case: 'checklist-item' });
    }
  }
  return inlines;
}

function conversationPoint(item: ListItem, ctx: ReadContext): ConversationPoint {
  const listen = item.children.filter((c): c is LeafDirective => c.type === 'leafDirective' && c.name === 'listen');
  // Note: a `::listen[...]` line right under a list item's text is a paragraph line to the parser
  // only if not indented; indented as in the docs, it is a leaf directive child of the item.
  const prompt = toBlocks(item.children.filter((c) => !(c.type === 'leafDirective' && c.name === 'listen')), ctx);
  const point: ConversationPoint = { position: positionOf(ctx, item), prompt };
  if (listen.length > 1) reportAt(ctx, listen[1]!, 'directive-shape', { case: 'listen-twice' });
  if (listen[0]) {
    for (const key of Object.keys(listen[0].attributes ?? {})) {
      reportAt(ctx, listen[0], 'directive-attribute-unknown', { case: 'listen', key });
    }
    point.listenFor = toInlines(listen[0].children, ctx);
  }
  return point;
}

function callout(kind: CalloutBlock['kind'], node: ContainerDirective, ctx: ReadContext, title: Inline[] | undefined, body: Body): CalloutBlock {
  return { type: 'callout', kind, ...(title ? { title } : {}), children: toBlocks(body, ctx), position: positionOf(ctx, node) };
}
