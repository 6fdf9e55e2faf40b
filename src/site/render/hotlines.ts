import type { Element, ElementContent } from 'hast';
import type { Hotline, UiStrings } from '../../core/model.ts';
import { h } from './h.ts';
import { dialDigits, displayUrl } from '../../core/format.ts';

/** A `tel:` link target: digits and a leading `+` only; keypad letters become their digits (CALL-FBI: 2255-324). */
export function telHref(phone: string): string {
  return `tel:${dialDigits(phone)}`;
}

/** An `sms:` link target, with the message body when the hotline asks for one. */
export function smsHref(sms: string, body?: string): string {
  return `sms:${sms.replace(/[^\d+]/g, '')}${body ? `?body=${encodeURIComponent(body)}` : ''}`;
}

export { displayUrl };

/** Joins nodes the way the language joins a short list ("a, b and c" / "a، b و c"). */
export function joinList(lang: string, items: ElementContent[][], type: 'conjunction' | 'unit' = 'unit'): ElementContent[] {
  if (items.length <= 1) return items[0] ?? [];
  const marks = items.map((_, i) => `\u0000${i}\u0000`);
  const parts = new Intl.ListFormat(lang, { type, style: 'short' }).formatToParts(marks);
  return parts.flatMap((part) => {
    if (part.type === 'literal') return [{ type: 'text', value: part.value } as ElementContent];
    const index = Number(part.value.replaceAll('\u0000', ''));
    return items[index] ?? [];
  });
}

/** Every way to reach a hotline, as large links: "Call 911", "Text 233733", "Website example.org". */
export function contactLinks(hotline: Hotline, ui: UiStrings): Element[] {
  const link = (href: string, kind: string | undefined, value: string, className: string) =>
    h('a', { href, className: ['contact', className] },
      kind ? h('span', { className: ['contact-kind'] }, kind) : null,
      ' ',
      // Numbers and addresses read left to right, also inside Arabic text.
      h('bdi', { className: ['contact-value'], dir: 'ltr' }, value));
  const links: Element[] = [];
  if (hotline.phone) links.push(link(telHref(hotline.phone), ui.callPhone, hotline.phone, 'contact-phone'));
  if (hotline.sms) links.push(link(smsHref(hotline.sms, hotline.smsBody), ui.textSms, hotline.sms, 'contact-sms'));
  if (hotline.url) links.push(link(hotline.url, ui.visitWebsite, displayUrl(hotline.url), 'contact-url'));
  return links;
}
