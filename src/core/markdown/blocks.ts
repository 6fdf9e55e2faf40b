import type { BlockContent, DefinitionContent, RootContent, Paragraph, Image } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block, ImageBlock } from '../model.ts';
import { positionOf, reportAt, type ReadContext } from './context.ts';
import { toInlines } from './inlines.ts';
import { containerDirective, leafDirective } from './directives.ts';

type BlockHandler<T extends RootContent = RootContent> = (node: T, ctx: ReadContext) => Block[];

/** Converts a run of mdast block nodes to model blocks, reporting what cannot be shown. */
export function toBlocks(nodes: readonly (RootContent | BlockContent | DefinitionContent)[], ctx: ReadContext): Block[] {
  return nodes.flatMap((node) => {
    const handler = handlers[node.type] as BlockHandler | undefined;
    if (handler) return handler(node, ctx);
    reportAt(ctx, node, 'directive-unknown', { case: 'block-node', node: node.type });
    return [];
  });
}

const handlers: { [K in RootContent['type']]?: BlockHandler<Extract<RootContent, { type: K }>> } = {
  yaml: () => [],
  definition: () => [],
  heading: (node, ctx) => {
    if (node.depth === 1) reportAt(ctx, node, 'heading-h1', {});
    const depth = Math.min(Math.max(node.depth, 2), 4) as 2 | 3 | 4;
    return [{ type: 'heading', depth, id: ctx.slug(toString(node)), children: toInlines(node.children, ctx), position: positionOf(ctx, node) }];
  },
  paragraph: (node, ctx) => paragraph(node, ctx),
  list: (node, ctx) => [
    {
      type: 'list',
      ordered: node.ordered ?? false,
      items: node.children.map((item) => ({ position: positionOf(ctx, item), children: toBlocks(item.children, ctx) })),
      position: positionOf(ctx, node),
    },
  ],
  blockquote: (node, ctx) => [{ type: 'quote', children: toBlocks(node.children, ctx), position: positionOf(ctx, node) }],
  code: (node, ctx) => [{ type: 'paragraph', children: [{ type: 'code', value: node.value }], position: positionOf(ctx, node) }],
  thematicBreak: (node, ctx) => [{ type: 'rule', position: positionOf(ctx, node) }],
  table: (node, ctx) => {
    const [head, ...rest] = node.children;
    return [
      {
        type: 'table',
        header: (head?.children ?? []).map((cell) => toInlines(cell.children, ctx)),
        rows: rest.map((row) => row.children.map((cell) => toInlines(cell.children, ctx))),
        position: positionOf(ctx, node),
      },
    ];
  },
  html: (node, ctx) => {
    reportAt(ctx, node, 'raw-html', { html: node.value });
    return [];
  },
  footnoteDefinition: (node, ctx) => {
    reportAt(ctx, node, 'footnote-unsupported', {});
    return [];
  },
  containerDirective: (node, ctx) => containerDirective(node, ctx),
  leafDirective: (node, ctx) => leafDirective(node, ctx),
  textDirective: (node, ctx) => [{ type: 'paragraph', children: toInlines([node], ctx), position: positionOf(ctx, node) }],
};

/** A paragraph; images in it become image blocks of their own. */
function paragraph(node: Paragraph, ctx: ReadContext): Block[] {
  const images = node.children.filter((child): child is Image => child.type === 'image');
  const rest = node.children.filter((child) => child.type !== 'image');
  const blocks: Block[] = images.map((image) => imageBlock(image, ctx));
  const hasText = rest.some((child) => child.type !== 'text' || child.value.trim() !== '');
  if (hasText) blocks.unshift({ type: 'paragraph', children: toInlines(rest, ctx), position: positionOf(ctx, node) });
  return blocks;
}

function imageBlock(node: Image, ctx: ReadContext): ImageBlock {
  if (!node.alt?.trim()) reportAt(ctx, node, 'image-alt-missing', { src: node.url });
  return { type: 'image', src: node.url, alt: node.alt?.trim() ?? '', position: positionOf(ctx, node) };
}
