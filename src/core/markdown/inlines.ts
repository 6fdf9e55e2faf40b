import type { PhrasingContent, Link, LinkReference } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Inline } from '../model.ts';
import { positionOf, reportAt, type ReadContext } from './context.ts';

type InlineHandler<T extends PhrasingContent = PhrasingContent> = (node: T, ctx: ReadContext) => Inline[];

const showValues = ['phone', 'sms', 'url', 'all'] as const;

/** Converts a run of mdast phrasing nodes to model inlines. */
export function toInlines(nodes: readonly PhrasingContent[], ctx: ReadContext): Inline[] {
  return nodes.flatMap((node) => {
    const handler = handlers[node.type] as InlineHandler | undefined;
    return handler ? handler(node, ctx) : unknownInline(node, ctx);
  });
}

function unknownInline(node: PhrasingContent, ctx: ReadContext): Inline[] {
  reportAt(ctx, node, 'directive-unknown', { case: 'inline-node', node: node.type });
  return [];
}

/** Turns a Markdown link target into an external link or a link to a toolkit page. */
export function linkTarget(url: string, children: Inline[], node: Link | LinkReference, ctx: ReadContext): Inline[] {
  const position = positionOf(ctx, node);
  if (/^(https?:|mailto:|tel:)/i.test(url)) return [{ type: 'link', href: url, children, position }];
  const page = /^(?:\.\/)?([a-z0-9-]+)\.md(?:#([\w-]+))?$/.exec(url);
  if (page) {
    const slug = page[1] === 'index' ? '' : (page[1] ?? '');
    return [{ type: 'page-link', slug, ...(page[2] ? { anchor: page[2] } : {}), children, position }];
  }
  const anchor = /^#([\w-]+)$/.exec(url);
  if (anchor) return [{ type: 'page-link', slug: '\0self', anchor: anchor[1], children, position }];
  reportAt(ctx, node, 'link-unsafe', { url });
  return children;
}

const handlers: { [K in PhrasingContent['type']]?: InlineHandler<Extract<PhrasingContent, { type: K }>> } = {
  text: (node) => [{ type: 'text', value: node.value }],
  emphasis: (node, ctx) => [{ type: 'emphasis', children: toInlines(node.children, ctx) }],
  strong: (node, ctx) => [{ type: 'strong', children: toInlines(node.children, ctx) }],
  delete: (node, ctx) => toInlines(node.children, ctx),
  inlineCode: (node) => [{ type: 'code', value: node.value }],
  break: () => [{ type: 'break' }],
  link: (node, ctx) => linkTarget(node.url, toInlines(node.children, ctx), node, ctx),
  linkReference: (node, ctx) => {
    const url = ctx.definitions.get(node.identifier.toLowerCase());
    if (url === undefined) {
      reportAt(ctx, node, 'link-page-missing', { case: 'reference', label: node.label ?? node.identifier });
      return toInlines(node.children, ctx);
    }
    return linkTarget(url, toInlines(node.children, ctx), node, ctx);
  },
  html: (node, ctx) => {
    reportAt(ctx, node, 'raw-html', { html: node.value });
    return [];
  },
  image: (node, ctx) => {
    reportAt(ctx, node, 'directive-shape', { case: 'image-alone' });
    return [];
  },
  imageReference: (node, ctx) => {
    reportAt(ctx, node, 'directive-shape', { case: 'image-reference' });
    return [];
  },
  footnoteReference: (node, ctx) => {
    reportAt(ctx, node, 'footnote-unsupported', {});
    return [];
  },
  textDirective: (node, ctx) => textDirective(node, ctx),
};

function textDirective(node: TextDirective, ctx: ReadContext): Inline[] {
  const id = toString(node).trim();
  const position = positionOf(ctx, node);
  const attributes = Object.keys(node.attributes ?? {});
  if (node.name === 'hotline') {
    for (const key of attributes.filter((k) => k !== 'show')) {
      reportAt(ctx, node, 'directive-attribute-unknown', { case: 'hotline', key });
    }
    const show = node.attributes?.show ?? 'phone';
    if (!(showValues as readonly string[]).includes(show)) {
      reportAt(ctx, node, 'directive-attribute-unknown', { case: 'hotline-show', value: show });
    }
    const valid = (showValues as readonly string[]).includes(show) ? (show as (typeof showValues)[number]) : 'phone';
    return [{ type: 'hotline', id, show: valid, position }];
  }
  if (node.name === 'cite') {
    for (const key of attributes) {
      reportAt(ctx, node, 'directive-attribute-unknown', { case: 'cite', key });
    }
    return [{ type: 'citation', id, position }];
  }
  // Note: `10:30` or `note:this` parse as directives; without a label or attributes we give the text back.
  if (node.children.length === 0 && attributes.length === 0) return [{ type: 'text', value: `:${node.name}` }];
  reportAt(ctx, node, 'directive-unknown', { case: 'text', name: node.name });
  return [{ type: 'text', value: `:${node.name}` }, ...toInlines(node.children, ctx)];
}
