import { fillPlaceholders } from '../../core/fill-placeholders.ts';
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';

/** What `h` accepts as children: nodes, strings, nested arrays, and nothing. */
export type Child = ElementContent | string | number | null | undefined | false | readonly Child[];

/** Builds a hast element; properties use hast names (`className`, `ariaLabel`, `dataKitSize`). */
export function h(tagName: string, properties: Properties = {}, ...children: Child[]): Element {
  return { type: 'element', tagName, properties, children: flatten(children) };
}

/** Flattens children, turning strings into text nodes and dropping empty values. */
export function flatten(children: readonly Child[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === '') continue;
    if (Array.isArray(child)) out.push(...flatten(child));
    else if (typeof child === 'string' || typeof child === 'number') out.push({ type: 'text', value: String(child) });
    else out.push(child as ElementContent);
  }
  return out;
}

/** Serialises hast nodes to an HTML string. */
export function html(...nodes: Child[]): string {
  return toHtml({ type: 'root', children: flatten(nodes) });
}

/**
 * Fills `{name}` placeholders of an interface string with nodes or text.
 * Unknown placeholders are kept as written, so a translator's typo stays visible.
 */
export function fillTemplate(template: string, values: Record<string, Child>): ElementContent[] {
  const out: Child[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const key = match[1]!;
    if (!(key in values)) continue;
    out.push(template.slice(last, match.index));
    out.push(values[key]);
    last = match.index + match[0].length;
  }
  out.push(template.slice(last));
  return flatten(out);
}

/** Fills `{name}` placeholders with plain text. */
export const fillText = fillPlaceholders;
