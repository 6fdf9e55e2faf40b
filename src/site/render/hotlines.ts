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

/** Joins nodes as the locale joins a short list (`joinItems`): "a, b", "a، b", "a、b". */
export function joinList(ui: UiStrings, items: ElementContent[][]): ElementContent[] {
  return items.flatMap((item, index) => (index === 0 ? item : [{ type: 'text', value: ui.listSeparator ?? ', ' } as ElementContent, ...item]));
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
