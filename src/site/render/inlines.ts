import type { ElementContent } from 'hast';
import type { Inline } from '../../core/model.ts';
import { dispatch, type Handlers } from '../../core/walk.ts';
import type { RenderContext } from './context.ts';
import { h } from './h.ts';
import { displayUrl, joinList, smsHref, telHref } from './hotlines.ts';
import { shortName } from '../../core/format.ts';

/** One handler per inline kind: a kind without one does not compile. */
const handlers: Handlers<Inline, [ctx: RenderContext], ElementContent[]> = {
  text: (node) => [{ type: 'text', value: node.value }],
  emphasis: (node, ctx) => [h('em', {}, renderInlines(node.children, ctx))],
  strong: (node, ctx) => [h('strong', {}, renderInlines(node.children, ctx))],
  code: (node) => [h('code', {}, node.value)],
  break: () => [h('br')],
  link: (node, ctx) => [h('a', { href: node.href }, renderInlines(node.children, ctx))],
  'page-link': (node, ctx) => [h('a', { href: ctx.urls.page(ctx.locale.code, node.slug, node.anchor) }, renderInlines(node.children, ctx))],
  hotline: (node, ctx) => hotline(node, ctx),
  citation: (node, ctx) => {
    const source = ctx.content.sources.find((s) => s.id === node.id) ?? ctx.locale.sources.find((s) => s.id === node.id);
    const name = shortName(source?.name ?? node.id);
    // Note: without a `::sources` page there is nothing to link to; the name is still shown.
    const label = ctx.sourcesHref ? h('a', { href: `${ctx.sourcesHref}#source-${node.id}` }, name) : name;
    return [h('span', { className: ['citation'] }, '(', label, ')')];
  },
};

/** Renders inline nodes to hast. */
export function renderInlines(nodes: readonly Inline[], ctx: RenderContext): ElementContent[] {
  return nodes.flatMap((node) => dispatch(handlers, node, ctx));
}

function hotline(node: Extract<Inline, { type: 'hotline' }>, ctx: RenderContext): ElementContent[] {
  const line = ctx.content.hotlines.find((x) => x.id === node.id) ?? ctx.locale.hotlines.find((x) => x.id === node.id);
  if (!line) return [{ type: 'text', value: node.id }];
  const ui = ctx.content.ui;
  const label = h('span', { className: ['hotline-label'] }, line.label);
  const number = (value: string) => h('bdi', { className: ['hotline-number'], dir: 'ltr' }, value);
  const phone = line.phone ? h('a', { href: telHref(line.phone), className: ['hotline'] }, label, ' ', number(line.phone)) : undefined;
  const sms = line.sms ? h('a', { href: smsHref(line.sms, line.smsBody), className: ['hotline'] }, label, ' ', number(line.sms)) : undefined;
  const url = line.url ? h('a', { href: line.url, className: ['hotline'] }, label) : undefined;
  switch (node.show) {
    case 'phone':
      return [phone ?? label];
    case 'sms':
      return [sms ?? label];
    case 'url':
      return [url ?? label];
    case 'all': {
      const contacts: ElementContent[][] = [];
      if (line.phone) contacts.push([h('a', { href: telHref(line.phone) }, `${ui.callPhone} `, number(line.phone))]);
      if (line.sms) contacts.push([h('a', { href: smsHref(line.sms, line.smsBody) }, `${ui.textSms} `, number(line.sms))]);
      if (line.url) contacts.push([h('a', { href: line.url, className: ['contact-url'] }, number(displayUrl(line.url)))]);
      return [h('span', { className: ['hotline', 'hotline-all'] }, line.label, ' (', joinList(ctx.content.ui, contacts), ')')];
    }
    default:
      return [label];
  }
}

export { shortName };
